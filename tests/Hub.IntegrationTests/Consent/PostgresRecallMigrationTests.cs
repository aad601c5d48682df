using Hub.IntegrationTests.Infrastructure;
using Hub.Router.Consent.Postgres;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Postgres;
using Hub.Router.Recalls;
using Npgsql;

namespace Hub.IntegrationTests.Consent;

/// <summary>
/// A ledger database whose recall tables predate their unification (consent recalls keyed on <c>consent_id</c>,
/// retraction recalls in tables of their own, ADR 0020) is folded by the schema owner at the next start: every recall,
/// delivery and acknowledgement stays readable with its cause and id, the old tables are gone, and the runtime role
/// keeps INSERT and SELECT only on the recall tables and the retraction register.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class PostgresRecallMigrationTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch.AddYears(56);
    private LedgerDatabase _database = null!;

    public async Task InitializeAsync() => _database = await LedgerDatabase.CreateAsync(servers);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task When_the_database_predates_the_unified_recall_tables_should_fold_them_in_keeping_every_recall_its_cause_and_the_grants()
    {
        var ledger = await _database.RuntimeStoreAsync();
        var (consentBatch, retractedBatch) = (LedgerBatches.Release(At), LedgerBatches.Release(At));
        await ledger.RecordDecisionsAsync(consentBatch, CancellationToken.None);
        await ledger.RecordDecisionsAsync(retractedBatch, CancellationToken.None);
        var retractionId = Guid.NewGuid();
        var (consentRecall, retractionRecall) = await LegacyRecallsAsync(consentBatch, retractedBatch, retractionId);

        await _database.RuntimeStoreAsync();

        var store = new PostgresConsentStore(_database.RuntimeSource);
        var recalls = await store.RecallsAsync(includeAcknowledged: true, CancellationToken.None);
        recalls.Select(r => (r.RecallId, r.Cause, r.WithdrawnAt, r.AcknowledgedAt, r.ReasonCode)).ShouldBe(
        [
            (consentRecall, RecallCause.ForConsent("C-OLD"), At.AddHours(1), (DateTimeOffset?)At.AddHours(3), (string?)null),
            (retractionRecall, RecallCause.ForRetraction(retractionId), At.AddHours(4), null, "entered-in-error"),
        ]);
        recalls[1].Deliveries.Select(d => d.DeliveryId).ShouldBe([retractedBatch.Deliveries[0].DeliveryId]);
        (await store.SyncRecallsAsync(RecallCause.ForRetraction(retractionId), At.AddDays(1), CancellationToken.None)).Select(r => r.RecallId)
            .ShouldBe([retractionRecall, RecallPlanner.Plan(RecallCause.ForRetraction(retractionId), [("jcp", Delivery(retractedBatch, 1))]).Single().RecallId],
                ignoreOrder: true, "the register holds the retracted event, so its other delivery is recalled too; the first keeps its id");
        (await store.FindRetractedAsync([("probation", retractedBatch.EventId)], CancellationToken.None)).ShouldHaveSingleItem().RetractionId.ShouldBe(retractionId);
        (await _database.CountAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'retraction_recall%'")).ShouldBe(0);
        (await _database.CountAsync("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'recalls' AND column_name = 'consent_id'")).ShouldBe(0);
        var update = await Should.ThrowAsync<PostgresException>(async () =>
        {
            await using var command = _database.RuntimeSource.CreateCommand("UPDATE recalls SET recipient = 'nhs'");
            await command.ExecuteNonQueryAsync();
        });
        update.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    private static Hub.Contracts.Delivery.V1.RecalledDelivery Delivery(DecisionBatch batch, int index) => new()
    {
        DeliveryId = batch.Deliveries[index].DeliveryId,
        EventId = batch.EventId,
        EventType = "custody.release.scheduled",
        Source = new("probation"),
    };

    /// <summary>Swaps in the tables as a router before the unification left them, granted as it granted them, holding a consent recall (acknowledged) and a retraction recall (outstanding).</summary>
    private async Task<(Guid ConsentRecall, Guid RetractionRecall)> LegacyRecallsAsync(DecisionBatch consentBatch, DecisionBatch retractedBatch, Guid retractionId)
    {
        var consentRecall = RecallPlanner.Plan(RecallCause.ForConsent("C-OLD"), [("police", Delivery(consentBatch, 0))]).Single().RecallId;
        var retractionRecall = RecallPlanner.Plan(RecallCause.ForRetraction(retractionId), [("police", Delivery(retractedBatch, 0))]).Single().RecallId;
        string T(int hours) => $"'{At.AddHours(hours):O}'";
        await _database.AsAdminAsync($"""
            DROP TABLE recall_acknowledgements, recall_deliveries, recalls, retracted_events;
            DELETE FROM ledger_schema;
            CREATE TABLE recalls (recall_id uuid PRIMARY KEY, consent_id text NOT NULL REFERENCES consent_records (consent_id), recipient text NOT NULL, requested_at timestamptz NOT NULL);
            CREATE INDEX recalls_consent ON recalls (consent_id);
            CREATE TABLE recall_deliveries (delivery_id uuid PRIMARY KEY, recall_id uuid NOT NULL REFERENCES recalls (recall_id), source text NOT NULL, event_id uuid NOT NULL, event_type text NOT NULL);
            CREATE INDEX recall_deliveries_recall ON recall_deliveries (recall_id);
            CREATE TABLE recall_acknowledgements (recall_id uuid PRIMARY KEY REFERENCES recalls (recall_id), acknowledged_at timestamptz NOT NULL, received_at timestamptz NOT NULL, erased integer NOT NULL, not_held integer NOT NULL);
            CREATE TABLE retraction_recalls (recall_id uuid PRIMARY KEY, retraction_id uuid NOT NULL, source text NOT NULL, recipient text NOT NULL, reason text NOT NULL, retracted_at timestamptz NOT NULL, requested_at timestamptz NOT NULL);
            CREATE TABLE retraction_recall_deliveries (recall_id uuid NOT NULL REFERENCES retraction_recalls (recall_id), delivery_id uuid NOT NULL, source text NOT NULL, event_id uuid NOT NULL, event_type text NOT NULL, PRIMARY KEY (recall_id, delivery_id));
            CREATE TABLE retraction_recall_acknowledgements (recall_id uuid PRIMARY KEY REFERENCES retraction_recalls (recall_id), acknowledged_at timestamptz NOT NULL, received_at timestamptz NOT NULL, erased integer NOT NULL, not_held integer NOT NULL);
            GRANT SELECT, INSERT ON recalls, recall_deliveries, recall_acknowledgements, retraction_recalls, retraction_recall_deliveries, retraction_recall_acknowledgements TO {PostgresRuntimeGrants.Quote(_database.RuntimeRole)};
            INSERT INTO consent_records VALUES ('C-OLD', 'probation', ARRAY['p'], ARRAY['police'], NULL, {T(-24)}, NULL, 'F', ARRAY['pnc:x'], '{Guid.NewGuid()}', {T(-24)}, 'h');
            INSERT INTO consent_withdrawals VALUES ('C-OLD', {T(1)}, {T(1)}, '{Guid.NewGuid()}', {T(1)});
            INSERT INTO recalls VALUES ('{consentRecall}', 'C-OLD', 'police', {T(2)});
            INSERT INTO recall_deliveries VALUES ('{consentBatch.Deliveries[0].DeliveryId}', '{consentRecall}', 'probation', '{consentBatch.EventId}', 'custody.release.scheduled');
            INSERT INTO recall_acknowledgements VALUES ('{consentRecall}', {T(3)}, {T(3)}, 1, 0);
            INSERT INTO retraction_recalls VALUES ('{retractionRecall}', '{retractionId}', 'probation', 'police', 'entered-in-error', {T(4)}, {T(5)});
            INSERT INTO retraction_recall_deliveries VALUES ('{retractionRecall}', '{retractedBatch.Deliveries[0].DeliveryId}', 'probation', '{retractedBatch.EventId}', 'custody.release.scheduled');
            """);
        return (consentRecall, retractionRecall);
    }
}
