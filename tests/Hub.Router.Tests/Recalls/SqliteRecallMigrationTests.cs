using Hub.Contracts.Delivery.V1;
using Hub.Router.Recalls;

namespace Hub.Router.Tests.Recalls;

/// <summary>
/// A ledger file written before the recall tables were unified (consent recalls keyed on <c>consent_id</c>, retraction
/// recalls in tables of their own) is folded into the one recall store when the router next opens it: every recall,
/// delivery and acknowledgement stays readable, with its cause, under its own id, and none is planned again.
/// </summary>
public sealed class SqliteRecallMigrationTests : IDisposable
{
    /// <summary>The recall tables as the embedded store created them before (ADR 0007, ADR 0020).</summary>
    private const string LegacySchema = """
        CREATE TABLE consent_records (
            consent_id TEXT PRIMARY KEY, recorded_by TEXT NOT NULL, purposes TEXT NOT NULL, recipients TEXT NOT NULL,
            agreement_id TEXT, given_at TEXT NOT NULL, expires_at TEXT, evidence_ref TEXT NOT NULL,
            subject_pseudonyms TEXT NOT NULL, event_id TEXT NOT NULL, registered_at TEXT NOT NULL, content_hash TEXT NOT NULL);
        CREATE TABLE consent_withdrawals (
            consent_id TEXT PRIMARY KEY REFERENCES consent_records (consent_id), effective_at TEXT NOT NULL,
            stated_at TEXT NOT NULL, event_id TEXT NOT NULL, registered_at TEXT NOT NULL);
        CREATE TABLE recalls (
            recall_id TEXT PRIMARY KEY, consent_id TEXT NOT NULL REFERENCES consent_records (consent_id),
            recipient TEXT NOT NULL, requested_at TEXT NOT NULL);
        CREATE TABLE recall_deliveries (
            delivery_id TEXT PRIMARY KEY, recall_id TEXT NOT NULL REFERENCES recalls (recall_id),
            source TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT NOT NULL);
        CREATE TABLE recall_acknowledgements (
            recall_id TEXT PRIMARY KEY REFERENCES recalls (recall_id), acknowledged_at TEXT NOT NULL,
            received_at TEXT NOT NULL, erased INTEGER NOT NULL, not_held INTEGER NOT NULL);
        CREATE INDEX recall_deliveries_recall ON recall_deliveries (recall_id);
        CREATE TABLE retraction_recalls (
            recall_id TEXT PRIMARY KEY, retraction_id TEXT NOT NULL, source TEXT NOT NULL, recipient TEXT NOT NULL,
            reason TEXT NOT NULL, retracted_at TEXT NOT NULL, requested_at TEXT NOT NULL);
        CREATE TABLE retraction_recall_deliveries (
            recall_id TEXT NOT NULL REFERENCES retraction_recalls (recall_id), delivery_id TEXT NOT NULL,
            source TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT NOT NULL, PRIMARY KEY (recall_id, delivery_id));
        CREATE TABLE retraction_recall_acknowledgements (
            recall_id TEXT PRIMARY KEY REFERENCES retraction_recalls (recall_id), acknowledged_at TEXT NOT NULL,
            received_at TEXT NOT NULL, erased INTEGER NOT NULL, not_held INTEGER NOT NULL);
        """;

    private const string Referral = "employment.referral.created";
    private readonly RecallLedger _ledger = new();

    [Fact]
    public async Task When_the_file_predates_the_unified_recall_tables_should_fold_them_in_keeping_every_recall_and_its_cause()
    {
        await _ledger.Ledger.InitializeAsync(CancellationToken.None);
        await _ledger.ExecuteAsync(LegacySchema);
        var (onConsent, retracted, retractionId) = await LegacyRecallsAsync();

        await _ledger.Store.InitializeAsync(CancellationToken.None);
        await _ledger.Store.InitializeAsync(CancellationToken.None);

        var recalls = await _ledger.Store.RecallsAsync(includeAcknowledged: true, CancellationToken.None);
        recalls.Select(r => (r.Cause, r.Recipient, r.WithdrawnAt, r.AcknowledgedAt, r.ReasonCode, r.Deliveries.Single().DeliveryId)).ShouldBe(
        [
            (RecallCause.ForConsent("C-OLD"), "council", RecallLedger.At.AddHours(1), RecallLedger.At.AddHours(3), null, onConsent.DeliveryId),
            (RecallCause.ForRetraction(retractionId), "council", RecallLedger.At.AddHours(4), null, "entered-in-error", retracted.DeliveryId),
        ], ignoreOrder: true);
        (await _ledger.Store.SyncRecallsAsync(RecallCause.ForConsent("C-OLD"), RecallLedger.At.AddDays(1), CancellationToken.None)).ShouldBeEmpty("acknowledged before, and not planned again");
        (await _ledger.Store.SyncRecallsAsync(RecallCause.ForRetraction(retractionId), RecallLedger.At.AddDays(1), CancellationToken.None)).ShouldHaveSingleItem()
            .RecallId.ShouldBe(recalls.Single(r => r.RetractionId == retractionId).RecallId, "the outstanding one is resent under its own id");
        (await _ledger.Store.RecallsAsync(includeAcknowledged: true, CancellationToken.None)).Count.ShouldBe(2);
        (await _ledger.CountAsync($"SELECT count(*) FROM retracted_events WHERE retraction_id = '{retractionId}' AND event_id = '{retracted.EventId}'")).ShouldBe(1, "the retracted id it delivered is in the register");
        (await _ledger.CountAsync("SELECT count(*) FROM sqlite_master WHERE name LIKE 'retraction_recall%' OR name LIKE '%_unified'")).ShouldBe(0);
    }

    public void Dispose() => _ledger.Dispose();

    /// <summary>A consent recall (acknowledged) and a retraction recall (outstanding) of deliveries to the council, with the ids the planner gave them.</summary>
    private async Task<(RecalledDelivery OnConsent, RecalledDelivery Retracted, Guid RetractionId)> LegacyRecallsAsync()
    {
        var onConsent = (await _ledger.DeliverAsync("nhs", Referral, Guid.NewGuid(), ["council"], Sharing.Decisions.DecisionFooting.Consent, "C-OLD"))["council"];
        var retracted = (await _ledger.DeliverAsync("nhs", Referral, Guid.NewGuid(), ["council"]))["council"];
        var retractionId = Guid.NewGuid();
        var consentRecall = RecallPlanner.Plan(RecallCause.ForConsent("C-OLD"), [("council", onConsent)]).Single().RecallId;
        var retractionRecall = RecallPlanner.Plan(RecallCause.ForRetraction(retractionId), [("council", retracted)]).Single().RecallId;
        string T(int hours) => RecallLedger.At.AddHours(hours).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await _ledger.ExecuteAsync($"""
            INSERT INTO consent_records VALUES ('C-OLD', 'nhs', '["p"]', '["council"]', NULL, '{T(-24)}', NULL, 'F', '["nhs:x"]', '{Guid.NewGuid()}', '{T(-24)}', 'h');
            INSERT INTO consent_withdrawals VALUES ('C-OLD', '{T(1)}', '{T(1)}', '{Guid.NewGuid()}', '{T(1)}');
            INSERT INTO recalls VALUES ('{consentRecall}', 'C-OLD', 'council', '{T(2)}');
            INSERT INTO recall_deliveries VALUES ('{onConsent.DeliveryId}', '{consentRecall}', 'nhs', '{onConsent.EventId}', '{Referral}');
            INSERT INTO recall_acknowledgements VALUES ('{consentRecall}', '{T(3)}', '{T(3)}', 1, 0);
            INSERT INTO retraction_recalls VALUES ('{retractionRecall}', '{retractionId}', 'nhs', 'council', 'entered-in-error', '{T(4)}', '{T(5)}');
            INSERT INTO retraction_recall_deliveries VALUES ('{retractionRecall}', '{retracted.DeliveryId}', 'nhs', '{retracted.EventId}', '{Referral}');
            """);
        return (onConsent, retracted, retractionId);
    }
}
