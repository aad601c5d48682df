using Hub.Contracts.Agencies;
using Hub.Router.Retractions;
using Hub.Sharing.Decisions;

namespace Hub.Router.Tests.Retractions;

/// <summary>An event its source had already retracted is denied to every candidate, whatever the engine would have allowed.</summary>
public sealed class RetractedDecisionsTests
{
    private static readonly RetractedEvent Retracted = new()
    {
        Source = "nhs",
        EventId = Guid.Parse("0d3b8c4e-1f0a-8b2c-9d4e-5f6a7b8c9d0e"),
        EventType = "employment.referral.created",
        RetractionId = Guid.Parse("aaaaaaaa-bbbb-8ccc-8ddd-eeeeeeeeeeee"),
        Reason = "entered-in-error",
        RetractedAt = DateTimeOffset.UnixEpoch,
        RecordedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void When_the_engine_allowed_and_denied_a_retracted_event_should_deny_it_to_every_candidate_with_every_field_withheld()
    {
        Decision[] decided =
        [
            new() { Recipient = AgencyCode.Council, Outcome = DecisionOutcome.Allowed, ReasonCode = DecisionReasonCodes.Consent, Footing = DecisionFooting.Consent, AgreementId = "DSA-016", FlowId = "F1", ReleasedFields = ["referralId", "subject.nino"], WithheldFields = ["programme"], Reasons = ["permitted"] },
            new() { Recipient = AgencyCode.Police, Outcome = DecisionOutcome.Denied, ReasonCode = DecisionReasonCodes.NoFlow, WithheldFields = ["programme", "referralId", "subject.nino"], Reasons = ["no agreement"] },
        ];

        var denied = RetractedDecisions.Deny(decided, Retracted);

        denied.Select(d => d.Recipient).ShouldBe([AgencyCode.Council, AgencyCode.Police]);
        denied.ShouldAllBe(d => !d.IsAllowed && d.ReasonCode == DecisionReasonCodes.Retracted && d.Footing == DecisionFooting.None && d.AgreementId == null && d.ReleasedFields.Count == 0);
        denied.ShouldAllBe(d => d.WithheldFields.SequenceEqual(new[] { "programme", "referralId", "subject.nino" }));
        denied[0].Reasons.ShouldBe([$"nhs retracted this event (entered-in-error) in retraction {Retracted.RetractionId} before the hub shared it: it is shared with no one"]);
    }
}
