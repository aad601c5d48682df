using Hub.Contracts.Agencies;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Family.V1;
using Hub.Router.Ledger;
using Hub.Router.Tests.Support;

namespace Hub.Router.Tests.Provenance;

/// <summary>
/// Data DWP supplied to the council under WRA 2012 s131 stays restricted when the council publishes it again, whatever
/// gateway or basis the council's new event asserts and whatever event type carries it (issue 12, point 2; ADR 0016).
/// </summary>
public sealed class RepublishedGatewayDataTests : IDisposable
{
    private static readonly Guid QueryId = Guid.Parse("2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b1301");
    private readonly string _agreements = Directory.CreateTempSubdirectory("agencyhub-provenance-").FullName;

    public RepublishedGatewayDataTests()
    {
        File.WriteAllText(Path.Combine(_agreements, "dsa-p1.yaml"), """
            id: DSA-P1
            title: s131 supply, and what the council shares with the police
            version: 1
            status: active
            effective: 2026-01-01
            flows:
              - id: F1-s131-supply
                source: jcp
                eventTypes: [employment.status.answered]
                recipients: [council]
                purpose: troubled-families
                gateway: WRA2012-s131
                lawfulBasis: { article6: public-task }
                fields: [queryId, status, checkedOn]
              - id: F2-council-status-to-police-s115
                source: council
                eventTypes: [employment.status.answered]
                recipients: [police]
                purpose: law-enforcement
                gateway: CDA1998-s115
                lawfulBasis: { article6: public-task }
                fields: [queryId, status, checkedOn]
              - id: F3-council-panel-to-police
                source: council
                eventTypes: [family.case-conference.convened]
                recipients: [police]
                purpose: safeguarding
                lawfulBasis: { article6: public-task, criminalOffence: sch1-part2-para6 }
                fields: [familyId, programme, convenedFor]
              - id: F4-council-status-to-probation
                source: council
                eventTypes: [employment.status.answered]
                recipients: [probation]
                purpose: offender-management
                lawfulBasis: { article6: public-task }
                fields: [queryId, status, checkedOn]
              - id: F5-probation-status-to-police
                source: probation
                eventTypes: [employment.status.answered]
                recipients: [police]
                purpose: law-enforcement
                gateway: CDA1998-s115
                lawfulBasis: { article6: public-task }
                fields: [queryId, status, checkedOn]
            """);
    }

    [Fact]
    public async Task When_the_council_republishes_s131_data_under_another_gateway_should_deny_naming_the_origin()
    {
        await using var host = await StartAsync();
        await SupplyUnderS131Async(host);

        var republished = await DecideAsync(host, Answer(AgencyCode.Council, new ConsentTag { LegalGateway = "CDA1998-s115", CollectionPurpose = "law-enforcement" }));

        republished.Outcome.ShouldBe(LedgerOutcome.Denied);
        republished.ReleasedFields.ShouldBeEmpty();
        republished.Reasons.ShouldContain(r => r.StartsWith("status withheld: its value was obtained under WRA2012-s131 from jcp on 2026-11-25 for troubled-families", StringComparison.Ordinal) && r.Contains("offence under s132"), string.Join(" | ", republished.Reasons));
        host.Sink.Received.Count(d => d.Recipient == AgencyCode.Police).ShouldBe(0);
    }

    [Fact]
    public async Task When_the_council_republishes_s131_data_on_a_plain_basis_should_deny()
    {
        await using var host = await StartAsync();
        await SupplyUnderS131Async(host);

        // F4 names no gateway: the share to probation would rest on the Art. 6 basis alone.
        var republished = await DecideAsync(host, Answer(AgencyCode.Council, new ConsentTag { LegalGateway = "CDA1998-s115", CollectionPurpose = "law-enforcement" }), "probation");

        republished.Outcome.ShouldBe(LedgerOutcome.Denied);
        republished.Reasons.ShouldContain(r => r.StartsWith("queryId withheld: its value was obtained under WRA2012-s131 from jcp", StringComparison.Ordinal));
        host.Sink.Received.Count(d => d.Recipient == AgencyCode.Probation).ShouldBe(0);
    }

    [Fact]
    public async Task When_the_council_copies_an_s131_value_into_a_different_event_type_should_withhold_that_field()
    {
        await using var host = await StartAsync();
        await SupplyUnderS131Async(host);

        var panel = new CaseConferenceConvened
        {
            Envelope = Envelope(AgencyCode.Council, DataClassification.CriminalOffence, new ConsentTag { LegalGateway = "CDA1998-s115", CollectionPurpose = "safeguarding" }),
            FamilyId = QueryId.ToString(),
            Programme = "troubled-families",
            ConvenedFor = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
        };
        var row = await DecideAsync(host, panel);

        row.Outcome.ShouldBe(LedgerOutcome.Allowed, string.Join(" | ", row.Reasons));
        row.ReleasedFields.ShouldBe(["convenedFor", "programme"]);
        row.WithheldFields.ShouldContain("familyId");
        row.Reasons.ShouldContain(r => r.StartsWith("familyId withheld: its value was obtained under WRA2012-s131 from jcp", StringComparison.Ordinal));
        var delivered = (await host.WaitForDeliveriesAsync(panel.Envelope.EventId, 1)).ShouldHaveSingleItem();
        delivered.Payload.TryGetProperty("familyId", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task When_the_council_publishes_its_own_independent_data_about_the_same_person_should_share_it()
    {
        await using var host = await StartAsync();
        await SupplyUnderS131Async(host);

        var own = Answer(AgencyCode.Council, new ConsentTag { LegalGateway = "CDA1998-s115", CollectionPurpose = "law-enforcement" }) with
        {
            QueryId = Guid.Parse("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"),
            Status = EmploymentStatus.Employed,
            CheckedOn = new DateOnly(2026, 10, 2),
        };
        var row = await DecideAsync(host, own);

        row.Outcome.ShouldBe(LedgerOutcome.Allowed);
        row.ReleasedFields.ShouldBe(["checkedOn", "queryId", "status"]);
    }

    [Fact]
    public async Task When_another_agency_publishes_the_same_values_should_not_inherit_what_only_the_council_received()
    {
        await using var host = await StartAsync();
        await SupplyUnderS131Async(host);

        // The limits bind the agency that received the values: probation never did.
        var row = await DecideAsync(host, Answer(AgencyCode.Probation, new ConsentTag { LegalGateway = "CDA1998-s115", CollectionPurpose = "law-enforcement" }));

        row.Outcome.ShouldBe(LedgerOutcome.Allowed);
        row.ReleasedFields.ShouldBe(["checkedOn", "queryId", "status"]);
    }

    public void Dispose() => Directory.Delete(_agreements, recursive: true);

    private Task<RouterTestHost> StartAsync() => RouterTestHost.StartAsync(_agreements, now: new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private static async Task SupplyUnderS131Async(RouterTestHost host)
    {
        var supply = Answer(AgencyCode.Jcp, new ConsentTag { LegalGateway = "WRA2012-s131", CollectionPurpose = "troubled-families" }) with
        {
            Envelope = Envelope(AgencyCode.Jcp, DataClassification.Personal, new ConsentTag { LegalGateway = "WRA2012-s131", CollectionPurpose = "troubled-families" }, at: new DateTimeOffset(2026, 11, 24, 8, 30, 0, TimeSpan.Zero)),
        };
        (await DecideAsync(host, supply, "council")).Outcome.ShouldBe(LedgerOutcome.Allowed);
        await host.WaitForDeliveriesAsync(supply.Envelope.EventId, 1);
    }

    private static async Task<LedgerEntry> DecideAsync(RouterTestHost host, IShareableEvent @event, string recipient = "police")
    {
        var eventId = @event.Envelope.EventId;
        await host.SendAsync(@event.Envelope.Source, @event);
        var rows = await host.WaitForLedgerAsync(r => r.Any(x => x.EventId == eventId && x.Recipient == recipient), $"the decision for {recipient}");
        return rows.Single(x => x.EventId == eventId && x.Recipient == recipient);
    }

    private static EmploymentStatusAnswered Answer(AgencyCode source, ConsentTag consent) => new()
    {
        Envelope = Envelope(source, DataClassification.Personal, consent),
        QueryId = QueryId,
        Status = EmploymentStatus.NotEmployed,
        CheckedOn = new DateOnly(2026, 11, 24),
    };

    private static EventEnvelope Envelope(AgencyCode source, DataClassification classification, ConsentTag consent, DateTimeOffset? at = null) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = at ?? new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero),
        Source = source,
        Classification = classification,
        Subject = new() { Nino = TestEvents.Nino, LocalId = source == AgencyCode.Jcp ? "DWP-1" : "TF-77" },
        Consent = consent,
    };
}
