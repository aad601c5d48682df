using Microsoft.Data.Sqlite;

namespace Hub.Router.Consent.Sqlite;

/// <summary>
/// Folds a ledger file's recall tables from before they were unified into <see cref="SqliteRecallSchema"/>, once, in
/// one transaction: consent recalls (keyed on <c>consent_id</c>, one recall per delivery) keep their rows and ids, and
/// the retraction recall tables are copied in and dropped; their delivered ids also go into the retraction register.
/// SQLite cannot drop a column or change a primary key, so the consent recall tables are rebuilt under new names and renamed.
/// </summary>
internal static class SqliteRecallMigration
{
    private static readonly string RebuildConsentRecalls = SqliteRecallSchema.Tables("_unified") + """
        INSERT INTO recalls_unified (recall_id, cause, cause_ref, reason_code, recipient, caused_at, requested_at)
        SELECT r.recall_id, 'consent-withdrawal', r.consent_id, NULL, r.recipient,
               COALESCE((SELECT w.effective_at FROM consent_withdrawals w WHERE w.consent_id = r.consent_id), r.requested_at), r.requested_at
        FROM recalls r;
        INSERT INTO recall_deliveries_unified (recall_id, delivery_id, source, event_id, event_type)
        SELECT recall_id, delivery_id, source, event_id, event_type FROM recall_deliveries;
        INSERT INTO recall_acknowledgements_unified (recall_id, acknowledged_at, received_at, erased, not_held)
        SELECT recall_id, acknowledged_at, received_at, erased, not_held FROM recall_acknowledgements;
        DROP TABLE recall_acknowledgements;
        DROP TABLE recall_deliveries;
        DROP TABLE recalls;
        ALTER TABLE recalls_unified RENAME TO recalls;
        ALTER TABLE recall_deliveries_unified RENAME TO recall_deliveries;
        ALTER TABLE recall_acknowledgements_unified RENAME TO recall_acknowledgements;
        """;

    private static readonly string FoldRetractionRecalls = SqliteRecallSchema.RetractedEvents + """
        INSERT OR IGNORE INTO recalls (recall_id, cause, cause_ref, reason_code, recipient, caused_at, requested_at)
        SELECT recall_id, 'retraction', retraction_id, reason, recipient, retracted_at, requested_at FROM retraction_recalls;
        INSERT OR IGNORE INTO recall_deliveries (recall_id, delivery_id, source, event_id, event_type)
        SELECT recall_id, delivery_id, source, event_id, event_type FROM retraction_recall_deliveries;
        INSERT OR IGNORE INTO recall_acknowledgements (recall_id, acknowledged_at, received_at, erased, not_held)
        SELECT recall_id, acknowledged_at, received_at, erased, not_held FROM retraction_recall_acknowledgements;
        INSERT OR IGNORE INTO retracted_events (source, event_id, event_type, retraction_id, reason, retracted_at, recorded_at)
        SELECT d.source, d.event_id, d.event_type, r.retraction_id, r.reason, r.retracted_at, r.requested_at
        FROM retraction_recalls r JOIN retraction_recall_deliveries d ON d.recall_id = r.recall_id;
        DROP TABLE retraction_recall_acknowledgements;
        DROP TABLE retraction_recall_deliveries;
        DROP TABLE retraction_recalls;
        """;

    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var consentRecalls = await ExistsAsync(connection, "SELECT count(*) FROM pragma_table_info('recalls') WHERE name = 'consent_id'", cancellationToken);
        var retractionRecalls = await ExistsAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'retraction_recalls'", cancellationToken);
        if (!consentRecalls && !retractionRecalls)
        {
            return;
        }

        // Dropping a table the new ones reference must not run foreign-key actions (a no-op inside a transaction, so first).
        await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF;", cancellationToken);
        await ExecuteAsync(connection, "BEGIN IMMEDIATE;" + (consentRecalls ? RebuildConsentRecalls : string.Empty) + (retractionRecalls ? FoldRetractionRecalls : string.Empty) + "COMMIT;", cancellationToken);
    }

    private static async Task<bool> ExistsAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is constant.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
