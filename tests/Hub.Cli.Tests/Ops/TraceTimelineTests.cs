using Hub.Cli.Commands.Ops;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Router.Ledger;
using Hub.Router.Recalls;
using Hub.Sharing.Decisions;

namespace Hub.Cli.Tests.Ops;

/// <summary>The timeline <c>hub ops trace</c> prints: every decision, the outbox state, recalls and dead-lettered copies, in order.</summary>
public class TraceTimelineTests
{
    private static readonly DateTimeOffset Decided = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void When_an_event_was_allowed_to_one_recipient_and_denied_to_another_should_show_both_and_the_send()
    {
        var rows = new[]
        {
            Decision("police", "allowed", DeadLetterSamples.DeliveryId, ["DSA-IT-1@4 flow F-police permits custody.release.scheduled"]),
            Decision("nhs", "denied", null, ["no agreement has a flow sharing custody.release.scheduled from probation to nhs"]),
        };
        var outbox = new[] { new OutboxState(DeadLetterSamples.DeliveryId, "probation", DeadLetterSamples.EventId, "police", Decided, Decided.AddSeconds(1)) };

        var text = Print(rows, TraceTimeline.Build(rows, outbox, [], []));

        text.ShouldContain($"event {DeadLetterSamples.EventId}: custody.release.scheduled from probation");
        text.ShouldContain($"decision for police: ALLOWED under DSA-IT-1@4 flow F-police on basis (purpose offender-management), delivery {DeadLetterSamples.DeliveryId}");
        text.ShouldContain("released 2 field(s) [subject.pncId, releaseDate], withheld 1");
        text.ShouldContain("decision for nhs: DENIED");
        text.ShouldContain("no agreement has a flow sharing custody.release.scheduled from probation to nhs");
        text.ShouldContain($"2026-11-30 09:00:01Z  sent: delivery {DeadLetterSamples.DeliveryId} to police");
        text.ShouldContain("broker: in no dead-letter queue");
        text.IndexOf("decision for police", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("sent: delivery", StringComparison.Ordinal));
    }

    [Fact]
    public void When_a_delivery_is_unsent_recalled_and_dead_lettered_should_say_where_it_stands()
    {
        var rows = new[] { Decision("police", "allowed", DeadLetterSamples.DeliveryId, []) };
        var outbox = new[] { new OutboxState(DeadLetterSamples.DeliveryId, "probation", DeadLetterSamples.EventId, "police", Decided, null) };
        var recall = new RecallNotice
        {
            RecallId = Guid.Parse("6f1c2b1e-0000-4000-8000-0000000000f1"),
            Cause = RecallCause.ForConsent("C-1"),
            Recipient = "police",
            WithdrawnAt = Decided.AddHours(1),
            RequestedAt = Decided.AddHours(1),
            Deliveries = [new RecalledDelivery { DeliveryId = DeadLetterSamples.DeliveryId, EventId = DeadLetterSamples.EventId, EventType = "custody.release.scheduled", Source = AgencyCode.Probation }],
        };
        var letter = DeadLetterReader.Read(DeadLetterSamples.Message("hub.delivery.police_error", DeadLetterSamples.DeliveryBody(), "Hub.Adapters.Core.Delivery.PermanentDeliveryFailureException", $"case system refused {DeadLetterSamples.Name}"));

        var text = Print(rows, TraceTimeline.Build(rows, outbox, [recall], [letter]));

        text.ShouldContain($"NOT SENT: delivery {DeadLetterSamples.DeliveryId} to police is still in the outbox");
        text.ShouldContain("recall 6f1c2b1e-0000-4000-8000-0000000000f1 to police: consent C-1 withdrawn 2026-11-30 10:00:00Z");
        text.ShouldContain("OUTSTANDING");
        text.ShouldContain("DEAD-LETTERED in hub.delivery.police_error");
        text.ShouldNotContain(DeadLetterSamples.Name);
    }

    [Fact]
    public void When_a_delivery_was_recalled_after_a_consent_withdrawal_and_a_retraction_should_show_each_with_its_cause()
    {
        var rows = new[] { Decision("police", "allowed", DeadLetterSamples.DeliveryId, []) };
        var retractionId = Guid.Parse("6f1c2b1e-0000-4000-8000-0000000000f3");
        var delivery = new RecalledDelivery { DeliveryId = DeadLetterSamples.DeliveryId, EventId = DeadLetterSamples.EventId, EventType = "custody.release.scheduled", Source = AgencyCode.Probation };
        RecallNotice[] recalls =
        [
            new() { RecallId = Guid.Parse("6f1c2b1e-0000-4000-8000-0000000000f1"), Cause = RecallCause.ForConsent("C-1"), Recipient = "police", WithdrawnAt = Decided.AddHours(1), RequestedAt = Decided.AddHours(1), Deliveries = [delivery], AcknowledgedAt = Decided.AddHours(2), Erased = 1, NotHeld = 0 },
            new() { RecallId = Guid.Parse("6f1c2b1e-0000-4000-8000-0000000000f2"), Cause = RecallCause.ForRetraction(retractionId), ReasonCode = "entered-in-error", Recipient = "police", WithdrawnAt = Decided.AddHours(3), RequestedAt = Decided.AddHours(3), Deliveries = [delivery] },
            new() { RecallId = Guid.NewGuid(), Cause = RecallCause.ForConsent("C-OTHER"), Recipient = "police", WithdrawnAt = Decided, RequestedAt = Decided, Deliveries = [delivery with { EventId = Guid.NewGuid() }] },
        ];

        var concerning = TraceTimeline.RecallsConcerning(DeadLetterSamples.EventId, recalls);
        var text = Print(rows, TraceTimeline.Build(rows, [], concerning, []));

        concerning.Count.ShouldBe(2, "only the recalls naming this event's deliveries");
        TraceTimeline.RecallsConcerning(retractionId, recalls).ShouldHaveSingleItem().RecallId.ShouldBe(recalls[1].RecallId, "a retraction's trace shows the recalls it caused");
        text.ShouldContain("recall 6f1c2b1e-0000-4000-8000-0000000000f1 to police: consent C-1 withdrawn 2026-11-30 10:00:00Z");
        text.ShouldContain("recall 6f1c2b1e-0000-4000-8000-0000000000f1 acknowledged by police: 1 erased, 0 not held");
        text.ShouldContain($"recall 6f1c2b1e-0000-4000-8000-0000000000f2 to police: retraction {retractionId} by probation (entered-in-error) 2026-11-30 12:00:00Z");
        text.ShouldContain("recall 6f1c2b1e-0000-4000-8000-0000000000f2 OUTSTANDING");
    }

    private static string Print(IReadOnlyList<LedgerEntry> rows, IReadOnlyList<TraceStep> steps)
    {
        using var output = new StringWriter();
        TraceTimeline.Write(output, DeadLetterSamples.EventId, rows, steps, steps.Any(s => s.What.StartsWith("DEAD-LETTERED", StringComparison.Ordinal)) ? "1 copy(ies) in dead-letter queues" : "in no dead-letter queue");
        return output.ToString();
    }

    private static LedgerEntry Decision(string recipient, string outcome, Guid? deliveryId, IReadOnlyList<string> reasons) => new()
    {
        EntryId = Guid.NewGuid(),
        RecordedAt = Decided,
        Kind = LedgerEntryKind.Decision,
        Outcome = LedgerOutcomes.Parse(outcome),
        Source = "probation",
        EventId = DeadLetterSamples.EventId,
        EventType = "custody.release.scheduled",
        Recipient = recipient,
        AgreementId = outcome == "allowed" ? "DSA-IT-1" : null,
        AgreementVersion = outcome == "allowed" ? 4 : null,
        FlowId = outcome == "allowed" ? "F-police" : null,
        Purpose = outcome == "allowed" ? "offender-management" : null,
        Footing = outcome == "allowed" ? DecisionFooting.Basis : null,
        ReleasedFields = outcome == "allowed" ? ["subject.pncId", "releaseDate"] : [],
        WithheldFields = outcome == "allowed" ? ["address"] : [],
        Reasons = reasons,
        DeliveryId = deliveryId,
    };
}
