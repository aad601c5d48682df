using Hub.Sharing.Cases;

namespace Hub.Sharing.Tests.Cases;

/// <summary>A case pack refuses what the router would refuse, pointing at the line the IG lead must change.</summary>
public class CaseFileTests
{
    [Fact]
    public void When_an_aggregate_event_carries_neither_consent_ref_nor_gateway_should_read_it()
    {
        var (cases, diagnostics) = CaseFile.Read("a.yaml", Indicators("consent: { collectionPurpose: performance-reporting }"));

        diagnostics.ShouldBeEmpty();
        cases.ShouldHaveSingleItem().Event.Envelope.Consent.LegalGateway.ShouldBeNull();
    }

    [Fact]
    public void When_an_aggregate_event_asserts_a_gateway_should_point_at_the_gateway()
    {
        var (_, diagnostics) = CaseFile.Read("a.yaml", Indicators("consent: { legalGateway: none-aggregate-statistics, collectionPurpose: performance-reporting }"));

        var error = diagnostics.ShouldHaveSingleItem();
        error.Message.ShouldStartWith("a case: the router would refuse this event: envelope.consent.legalGateway must be absent on an aggregate-non-personal event");
        (error.Line, error.Column).ShouldBe((11, 30));
    }

    [Fact]
    public void When_a_personal_event_carries_neither_consent_ref_nor_gateway_should_point_at_the_consent_tag()
    {
        var (_, diagnostics) = CaseFile.Read("r.yaml", """
            name: a release
            source: probation
            type: custody.release.amended
            at: 2026-12-02T16:00:00Z
            event:
              envelope:
                eventId: 5d1e7a20-2b6c-4f0e-8d3a-1a2b3c4d0901
                occurredAt: 2026-12-02T15:45:00Z
                source: probation
                classification: criminal-offence
                subject: { localId: PRB-000522 }
                consent: { collectionPurpose: offender-management }
              supersedesEventId: 5d1e7a20-2b6c-4f0e-8d3a-1a2b3c4d0900
              releaseDate: 2026-12-11
              previousReleaseDate: 2026-12-09
              establishment: HMP Fictional
            expect:
              police: { decision: deny }
            """);

        var error = diagnostics.ShouldHaveSingleItem();
        error.Message.ShouldBe("a release: the router would refuse this event: envelope.consent must carry exactly one of consentRef or legalGateway for criminal-offence data; it carries neither");
        (error.Line, error.Column).ShouldBe((12, 14));
    }

    private static string Indicators(string consent) => $"""
        name: a case
        source: council
        type: performance.indicators.submitted
        at: 2026-11-23T16:00:00Z
        event:
          envelope:
            eventId: 25e647fd-f209-4ad5-9ef7-e7f8091a1901
            occurredAt: 2026-11-23T15:55:00Z
            source: council
            classification: aggregate-non-personal
            {consent}
          period: 2026-Q3
          reportingBody: lewisham
          indicators: [{"{"} code: NI-039, value: 212.4 {"}"}]
        expect:
          nhs: {"{"} decision: deny {"}"}
        """;
}
