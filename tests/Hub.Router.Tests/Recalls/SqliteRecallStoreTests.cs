using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;
using Hub.Contracts.Subjects;
using Hub.Router.Consent;
using Hub.Router.Recalls;
using Hub.Router.Retractions;
using Hub.Sharing.Decisions;

namespace Hub.Router.Tests.Recalls;

/// <summary>
/// The one recall store on the embedded file, for both causes: what a retraction recalls (only its source's events of
/// the retracted type, from exactly the recipients the ledger says received them), and a delivery recalled for both causes.
/// </summary>
public sealed class SqliteRecallStoreTests : IDisposable
{
    private const string Continuity = "health.treatment-continuity.required";
    private readonly RecallLedger _ledger = new();

    [Fact]
    public async Task When_a_retraction_names_delivered_events_should_recall_them_from_exactly_those_recipients_once()
    {
        await _ledger.InitializeAsync();
        var original = Guid.NewGuid();
        var delivered = await _ledger.DeliverAsync("nhs", Continuity, original, ["probation", "council"]);
        await _ledger.DeliverAsync("nhs", Continuity, Guid.NewGuid(), ["police"]);
        var retraction = Retraction(original, Guid.NewGuid());
        await _ledger.Store.RecordRetractedAsync(RetractedEvent.From(retraction, AgencyCode.Nhs, RecallLedger.At), CancellationToken.None);

        var recalls = await _ledger.Store.SyncRecallsAsync(RecallCause.ForRetraction(retraction.Envelope.EventId), RecallLedger.At, CancellationToken.None);
        var again = await _ledger.Store.SyncRecallsAsync(RecallCause.ForRetraction(retraction.Envelope.EventId), RecallLedger.At.AddMinutes(1), CancellationToken.None);

        recalls.Select(r => r.Recipient).ShouldBe(["council", "probation"], ignoreOrder: true);
        recalls.ShouldAllBe(r => r.Cause.Kind == RecallCauseKind.Retraction && r.ReasonCode == RetractionReasons.EnteredInError && r.ConsentId == string.Empty);
        recalls.SelectMany(r => r.Deliveries).ShouldBe([delivered["council"], delivered["probation"]], ignoreOrder: true);
        again.Select(r => r.RecallId).ShouldBe(recalls.Select(r => r.RecallId), ignoreOrder: true, "a second sync plans nothing new and resends what is outstanding");
        (await _ledger.Store.RecallsAsync(includeAcknowledged: true, CancellationToken.None)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task When_another_agency_or_another_event_type_used_the_id_should_recall_nothing()
    {
        await _ledger.InitializeAsync();
        var original = Guid.NewGuid();
        await _ledger.DeliverAsync("nhs", Continuity, original, ["council"]);
        var forged = Retraction(original);
        var otherType = Retraction(original) with { RetractedEventType = "health.discharge.planned" };
        await _ledger.Store.RecordRetractedAsync(RetractedEvent.From(forged, AgencyCode.Probation, RecallLedger.At), CancellationToken.None);
        await _ledger.Store.RecordRetractedAsync(RetractedEvent.From(otherType, AgencyCode.Nhs, RecallLedger.At), CancellationToken.None);

        (await _ledger.Store.SyncRecallsAsync(RecallCause.ForRetraction(forged.Envelope.EventId), RecallLedger.At, CancellationToken.None)).ShouldBeEmpty();
        (await _ledger.Store.SyncRecallsAsync(RecallCause.ForRetraction(otherType.Envelope.EventId), RecallLedger.At, CancellationToken.None)).ShouldBeEmpty();
        (await _ledger.Store.RecallsAsync(includeAcknowledged: true, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task When_a_delivery_recalled_on_withdrawal_is_then_retracted_should_keep_both_recalls_each_with_its_cause_and_acknowledgement()
    {
        await _ledger.InitializeAsync();
        var original = Guid.NewGuid();
        var delivery = (await _ledger.DeliverAsync("nhs", Continuity, original, ["council"], DecisionFooting.Consent, "C-BOTH"))["council"];
        await _ledger.Store.RecordAsync(Consent("C-BOTH"), CancellationToken.None);
        await _ledger.Store.WithdrawAsync(new ConsentWithdrawal("C-BOTH", RecallLedger.At, RecallLedger.At, Guid.NewGuid(), RecallLedger.At), CancellationToken.None);
        var withdrawal = (await _ledger.Store.SyncRecallsAsync(RecallCause.ForConsent("C-BOTH"), RecallLedger.At, CancellationToken.None)).ShouldHaveSingleItem();
        var retraction = Retraction(original);
        await _ledger.Store.RecordRetractedAsync(RetractedEvent.From(retraction, AgencyCode.Nhs, RecallLedger.At), CancellationToken.None);

        var retracted = (await _ledger.Store.SyncRecallsAsync(RecallCause.ForRetraction(retraction.Envelope.EventId), RecallLedger.At, CancellationToken.None)).ShouldHaveSingleItem();
        var acknowledged = await _ledger.Store.AcknowledgeAsync(retracted.RecallId, "council", RecallLedger.At, RecallLedger.At, 1, 0, CancellationToken.None);

        acknowledged.ShouldBe(RecallAcknowledgement.Recorded);
        withdrawal.Cause.ShouldBe(RecallCause.ForConsent("C-BOTH"));
        retracted.RecallId.ShouldNotBe(withdrawal.RecallId);
        var all = await _ledger.Store.RecallsAsync(includeAcknowledged: true, CancellationToken.None);
        all.Select(r => (r.Cause.Kind, r.Deliveries.Single().DeliveryId, r.AcknowledgedAt is not null)).ShouldBe(
            [(RecallCauseKind.ConsentWithdrawal, delivery.DeliveryId, false), (RecallCauseKind.Retraction, delivery.DeliveryId, true)], ignoreOrder: true);
        (await _ledger.Store.SyncRecallsAsync(RecallCause.ForConsent("C-BOTH"), RecallLedger.At, CancellationToken.None)).ShouldHaveSingleItem().RecallId.ShouldBe(withdrawal.RecallId);
    }

    public void Dispose() => _ledger.Dispose();

    private static RecordRetracted Retraction(params Guid[] ids) => new()
    {
        Envelope = new EventEnvelope
        {
            EventId = Guid.NewGuid(),
            OccurredAt = RecallLedger.At,
            Source = AgencyCode.Nhs,
            Subject = new SubjectIdentifiers { NhsNumber = "9990000131" },
            Classification = DataClassification.SpecialCategoryHealth,
            Consent = new ConsentTag { LegalGateway = "HSCA2012-s251B", CollectionPurpose = "substance-misuse-treatment" },
        },
        RetractedEventType = Continuity,
        RetractedEventIds = ids,
        Reason = RetractionReasons.EnteredInError,
    };

    private static ConsentRecord Consent(string id) => new()
    {
        ConsentId = id,
        RecordedBy = "nhs",
        Purposes = ["test"],
        Recipients = ["council"],
        GivenAt = RecallLedger.At.AddDays(-1),
        EvidenceRef = "FORM-1",
        SubjectPseudonyms = ["nhs:aaaa"],
        EventId = Guid.NewGuid(),
        RegisteredAt = RecallLedger.At.AddDays(-1),
        ContentHash = "hash",
    };
}
