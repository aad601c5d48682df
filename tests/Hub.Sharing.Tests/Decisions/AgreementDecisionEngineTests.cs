using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;

namespace Hub.Sharing.Tests.Decisions;

public class AgreementDecisionEngineTests
{
    private static readonly DateTimeOffset InForce = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly System.Text.Json.JsonDocument EmptyEvent = System.Text.Json.JsonDocument.Parse("{}");
    private static readonly string[] Present = ["subject.pncId", "subject.nhsNumber", "releaseDate", "mentalHealthFlag"];

    [Fact]
    public void When_no_flow_applies_should_deny_with_a_reason()
    {
        var decision = Decide([AgreementText.Permit(recipient: "police")], AgencyCode.Jcp);

        decision.Outcome.ShouldBe(DecisionOutcome.Denied);
        decision.Reasons.ShouldHaveSingleItem().ShouldBe("no agreement has a flow sharing custody.release.scheduled from probation to jcp");
        decision.ReleasedFields.ShouldBeEmpty();
        decision.WithheldFields.Count.ShouldBe(Present.Length);
    }

    [Fact]
    public void When_permitted_should_release_only_the_flows_fields_that_are_present()
    {
        var decision = Decide([AgreementText.Permit(fields: "[subject.pncId, releaseDate, addressOnRelease]")], AgencyCode.Police);

        decision.Outcome.ShouldBe(DecisionOutcome.Allowed);
        decision.ReleasedFields.ShouldBe(["releaseDate", "subject.pncId"]);
        decision.WithheldFields.ShouldBe(["mentalHealthFlag", "subject.nhsNumber"]);
        decision.AgreementId.ShouldBe("DSA-T1");
        decision.FlowId.ShouldBe("F1");
        decision.Reasons.ShouldHaveSingleItem().ShouldBe("permitted by DSA-T1@1 flow F1 for purpose offender-management (Art. 6(1)(e) public task; criminal offence data under sch1-part2-para6)");
    }

    [Fact]
    public void When_a_forbid_flow_applies_should_deny_whatever_permits_say()
    {
        var decision = Decide([AgreementText.Permit(), AgreementText.Forbid()], AgencyCode.Police);

        decision.Outcome.ShouldBe(DecisionOutcome.Denied);
        decision.AgreementId.ShouldBe("DSA-F1");
        decision.Reasons.ShouldHaveSingleItem().ShouldContain("DSA-F1@3 flow NO forbids");
    }

    [Fact]
    public void When_every_flow_fails_a_check_should_name_the_first_evaluated_flow_and_keep_every_failure()
    {
        // Both agreements are suspended: the denial names the first in agreement order, its purpose and basis, and
        // its reasons still cite both, so a subject report says under which agreement the share was refused.
        var decision = Decide([AgreementText.Permit(id: "DSA-T1", status: "suspended"), AgreementText.Permit(id: "DSA-T2", status: "suspended", flowId: "F9")], AgencyCode.Police);

        decision.Outcome.ShouldBe(DecisionOutcome.Denied);
        decision.IsAllowed.ShouldBeFalse();
        decision.ReasonCode.ShouldBe(DecisionReasonCodes.ChecksFailed);
        decision.AgreementId.ShouldBe("DSA-T1");
        decision.AgreementVersion.ShouldBe(1);
        decision.FlowId.ShouldBe("F1");
        decision.Purpose.ShouldBe("offender-management");
        decision.LawfulBasis.ShouldBe("Art. 6(1)(e) public task; criminal offence data under sch1-part2-para6");
        decision.Footing.ShouldBe(DecisionFooting.None);
        decision.ReleasedFields.ShouldBeEmpty();
        decision.Reasons.Count.ShouldBe(2);
        decision.Reasons[1].ShouldStartWith("DSA-T2@1 flow F9: ");
    }

    [Theory]
    [InlineData("active", "2027-01-01", "2028-01-01")] // not yet effective
    [InlineData("active", "2025-01-01", "2026-01-01")] // expired
    [InlineData("suspended", "2026-01-01", "2028-01-01")]
    [InlineData("draft", "2026-01-01", "2028-01-01")]
    public void When_agreement_is_not_in_force_should_never_permit(string status, string effective, string expires)
    {
        var decision = Decide([AgreementText.Permit(status: status, effective: effective, expires: expires)], AgencyCode.Police);

        decision.Outcome.ShouldBe(DecisionOutcome.Denied);
        decision.Reasons.ShouldHaveSingleItem().ShouldStartWith("DSA-T1@1 flow F1: agreement is not in force on 2026-11-23");
    }

    [Fact]
    public void When_two_flows_permit_should_release_the_union_of_their_fields()
    {
        var decision = Decide(
            [AgreementText.Permit(fields: "[releaseDate]"), AgreementText.Permit(id: "DSA-T2", fields: "[subject.pncId]", flowId: "F2")],
            AgencyCode.Police);

        decision.ReleasedFields.ShouldBe(["releaseDate", "subject.pncId"]);
        decision.Reasons.Count.ShouldBe(2);
    }

    [Fact]
    public void When_deciding_for_several_candidates_should_decide_each_independently()
    {
        var engine = new AgreementDecisionEngine(AgreementLoader.Load([("a.yaml", AgreementText.Permit())]));
        var decisions = engine.Decide(Request([AgencyCode.Police, AgencyCode.Jcp, AgencyCode.Nhs]));

        decisions.Select(d => (d.Recipient, d.Outcome)).ShouldBe(
        [
            (AgencyCode.Police, DecisionOutcome.Allowed),
            (AgencyCode.Jcp, DecisionOutcome.Denied),
            (AgencyCode.Nhs, DecisionOutcome.Denied),
        ]);
    }

    [Fact]
    public void When_an_active_agreement_has_lapsed_should_permit_nothing_while_the_others_keep_deciding()
    {
        string[] agreements = [AgreementText.Permit(id: "DSA-OLD", fields: "[subject.pncId]", expires: "2026-06-01"), AgreementText.Permit(id: "DSA-NEW", fields: "[releaseDate]")];

        // Loaded after DSA-OLD lapsed: a warning, not a refused set.
        var decision = Decide(agreements, AgencyCode.Police, loadedOn: DateOnly.FromDateTime(InForce.UtcDateTime));

        decision.Outcome.ShouldBe(DecisionOutcome.Allowed);
        decision.AgreementId.ShouldBe("DSA-NEW");
        decision.ReleasedFields.ShouldBe(["releaseDate"]);
        Decide(agreements[..1], AgencyCode.Police, loadedOn: DateOnly.FromDateTime(InForce.UtcDateTime)).Outcome.ShouldBe(DecisionOutcome.Denied);
    }

    private static Decision Decide(string[] agreements, AgencyCode recipient, DateOnly? loadedOn = null)
    {
        // Loaded as of mid-2025 unless said otherwise, so the expired case is a valid file whose dates have since passed.
        var set = AgreementLoader.Load([.. agreements.Select((text, i) => ($"a{i}.yaml", text))], loadedOn ?? new DateOnly(2025, 6, 1));
        return new AgreementDecisionEngine(set).Decide(Request([recipient])).ShouldHaveSingleItem();
    }

    private static DecisionRequest Request(IReadOnlyList<AgencyCode> candidates) => new()
    {
        Source = AgencyCode.Probation,
        EventType = "custody.release.scheduled",
        Classification = DataClassification.CriminalOffence,
        Consent = new ConsentTag { LegalGateway = "ORA2014-s7", CollectionPurpose = "offender-management" },
        Event = EmptyEvent.RootElement,
        PresentFields = Present,
        Candidates = candidates,
        DecisionTime = InForce,
    };
}
