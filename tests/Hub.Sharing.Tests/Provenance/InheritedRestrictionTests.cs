using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;
using Hub.Sharing.Provenance;

namespace Hub.Sharing.Tests.Provenance;

/// <summary>A value obtained under a restricted gateway keeps its limits when its recipient publishes it again (issue 12, point 2).</summary>
public class InheritedRestrictionTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Supplied = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void When_one_field_holds_a_value_supplied_under_s131_should_withhold_it_and_name_the_origin()
    {
        var decision = Engine().Decide(Request(new InheritedRestriction("status", "WRA2012-s131", "troubled-families", "jcp", Supplied))).Single();

        decision.IsAllowed.ShouldBeTrue();
        decision.ReleasedFields.ShouldBe(["checkedOn", "queryId"]);
        decision.WithheldFields.ShouldContain("status");
        decision.Reasons.ShouldContain("status withheld: its value was obtained under WRA2012-s131 from jcp on 2026-11-24 for troubled-families, and it was supplied to the publishing agency alone; Only for the prescribed purpose it was supplied for; any other disclosure is an offence under s132");
    }

    [Fact]
    public void When_every_released_field_is_restricted_should_deny_with_the_inherited_gateway_code()
    {
        var limits = new[] { "status", "checkedOn", "queryId" }.Select(f => new InheritedRestriction(f, "WRA2012-s131", "troubled-families", "jcp", Supplied)).ToArray();

        var decision = Engine().Decide(Request(limits)).Single();

        decision.IsAllowed.ShouldBeFalse();
        decision.ReasonCode.ShouldBe(DecisionReasonCodes.InheritedGateway);
        decision.ReleasedFields.ShouldBeEmpty();
        decision.Reasons.Count.ShouldBe(3);
    }

    [Fact]
    public void When_a_duty_to_share_gateway_prescribes_the_flows_purpose_should_release_the_field()
    {
        // CDA 1998 s115 data may go on for law enforcement: not a supply gateway.
        var decision = Engine().Decide(Request(new InheritedRestriction("status", "CDA1998-s115", "law-enforcement", "probation", Supplied))).Single();

        decision.ReleasedFields.ShouldContain("status");
    }

    [Fact]
    public void When_a_duty_to_share_gateway_does_not_prescribe_the_flows_purpose_should_withhold_the_field()
    {
        var decision = Engine(purpose: "offender-management").Decide(Request(new InheritedRestriction("status", "HSCA2012-s251B", "direct-care", "nhs", Supplied))).Single();

        decision.WithheldFields.ShouldContain("status");
        decision.Reasons.ShouldContain(r => r.StartsWith("status withheld: its value was obtained under HSCA2012-s251B from nhs", StringComparison.Ordinal) && r.Contains("purpose offender-management is not one HSCA2012-s251B prescribes"));
    }

    [Fact]
    public void When_the_value_goes_back_to_the_agency_that_supplied_it_should_release_it()
    {
        var decision = Engine(recipient: "jcp").Decide(Request([new InheritedRestriction("status", "WRA2012-s131", "troubled-families", "jcp", Supplied)], recipient: AgencyCode.Jcp)).Single();

        decision.ReleasedFields.ShouldContain("status");
    }

    [Fact]
    public void When_no_field_is_restricted_should_decide_as_before() =>
        Engine().Decide(Request()).Single().ReleasedFields.ShouldBe(["checkedOn", "queryId", "status"]);

    private static AgreementDecisionEngine Engine(string purpose = "law-enforcement", string recipient = "police") => new(AgreementLoader.Load([("r.yaml", $$"""
        id: DSA-R
        title: Republication
        version: 1
        status: active
        effective: 2026-01-01
        flows:
          - id: F1
            source: council
            eventTypes: [employment.status.answered]
            recipients: [{{recipient}}]
            purpose: {{purpose}}
            lawfulBasis: { article6: public-task }
            fields: [queryId, status, checkedOn]
        """)], new DateOnly(2026, 11, 1)));

    private static DecisionRequest Request(params InheritedRestriction[] inherited) => Request(inherited, AgencyCode.Police);

    private static DecisionRequest Request(InheritedRestriction[] inherited, AgencyCode recipient) => new()
    {
        Source = AgencyCode.Council,
        EventType = "employment.status.answered",
        Classification = DataClassification.Personal,
        Consent = new ConsentTag { ConsentRef = "C-1", CollectionPurpose = "law-enforcement" },
        Event = JsonDocument.Parse("""{"queryId":"2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b1301","status":"not-employed","checkedOn":"2026-11-24"}""").RootElement,
        PresentFields = ["queryId", "status", "checkedOn"],
        Candidates = [recipient],
        DecisionTime = At,
        Inherited = inherited,
    };
}
