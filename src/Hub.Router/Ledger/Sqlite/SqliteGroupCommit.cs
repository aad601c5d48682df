using Microsoft.Data.Sqlite;

namespace Hub.Router.Ledger.Sqlite;

/// <summary>
/// One group in one SQLite transaction, so the embedded run pays one commit for many events: the same shape as
/// <see cref="Postgres.PostgresGroupCommit"/>, statement by statement (SQLite is in-process, so statements are cheap and
/// the commit is what costs).
/// </summary>
internal static class SqliteGroupCommit
{
    public static async Task<IReadOnlyList<RecordResult>> RunAsync(
        SqliteConnection connection, IReadOnlyList<DecisionBatch> batches, IReadOnlyList<SentMark> sent, CancellationToken cancellationToken)
    {
        var plan = new LedgerGroupPlan(batches);
        var outcomes = new ExistingEvent?[plan.Primaries.Count];
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        // Marks first, so a redelivered event in this group does not send again what was already confirmed.
        foreach (var mark in sent)
        {
            await using var command = Command(connection, transaction, "INSERT OR IGNORE INTO outbox_sent (delivery_id, sent_at) VALUES ($d, $t)");
            command.Parameters.AddWithValue("$d", mark.DeliveryId.ToString());
            command.Parameters.AddWithValue("$t", SqliteLedgerValues.Store(mark.SentAt));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        for (var i = 0; i < plan.Primaries.Count; i++)
        {
            var batch = plan.Primaries[i];
            if (await RegisterAsync(connection, transaction, batch, cancellationToken))
            {
                await InsertRowsAsync(connection, transaction, batch, cancellationToken);
            }
            else
            {
                outcomes[i] = await ExistingAsync(connection, transaction, batch, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return plan.Results(outcomes);
    }

    private static async Task<bool> RegisterAsync(SqliteConnection connection, SqliteTransaction transaction, DecisionBatch batch, CancellationToken cancellationToken)
    {
        await using var register = Command(connection, transaction, "INSERT OR IGNORE INTO ingress_events (source, event_id, content_hash, recorded_at) VALUES ($s, $e, $h, $t)");
        register.Parameters.AddWithValue("$s", batch.Source);
        register.Parameters.AddWithValue("$e", batch.EventId.ToString());
        register.Parameters.AddWithValue("$h", batch.ContentHash);
        register.Parameters.AddWithValue("$t", SqliteLedgerValues.Store(batch.RecordedAt));
        return await register.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static async Task InsertRowsAsync(SqliteConnection connection, SqliteTransaction transaction, DecisionBatch batch, CancellationToken cancellationToken)
    {
        foreach (var entry in batch.Entries)
        {
            await SqliteLedgerStore.InsertEntryAsync(connection, transaction, entry, cancellationToken);
        }

        foreach (var delivery in batch.Deliveries)
        {
            await using var outbox = Command(connection, transaction, "INSERT OR IGNORE INTO outbox_deliveries (delivery_id, source, event_id, recipient, body, created_at) VALUES ($d, $s, $e, $r, $b, $t)");
            outbox.Parameters.AddWithValue("$d", delivery.DeliveryId.ToString());
            outbox.Parameters.AddWithValue("$s", batch.Source);
            outbox.Parameters.AddWithValue("$e", batch.EventId.ToString());
            outbox.Parameters.AddWithValue("$r", delivery.Recipient);
            outbox.Parameters.AddWithValue("$b", delivery.Body);
            outbox.Parameters.AddWithValue("$t", SqliteLedgerValues.Store(batch.RecordedAt));
            await outbox.ExecuteNonQueryAsync(cancellationToken);
        }

        await Provenance.Sqlite.SqliteProvenance.InsertAsync(connection, transaction, batch.ProvenanceMarks, cancellationToken);
    }

    private static async Task<ExistingEvent> ExistingAsync(SqliteConnection connection, SqliteTransaction transaction, DecisionBatch batch, CancellationToken cancellationToken)
    {
        await using var existing = Command(connection, transaction, "SELECT content_hash FROM ingress_events WHERE source = $s AND event_id = $e");
        existing.Parameters.AddWithValue("$s", batch.Source);
        existing.Parameters.AddWithValue("$e", batch.EventId.ToString());
        var hash = (string)(await existing.ExecuteScalarAsync(cancellationToken))!;

        await using var pendingCommand = Command(connection, transaction, """
            SELECT o.delivery_id, o.recipient, o.body FROM outbox_deliveries o
            WHERE o.source = $s AND o.event_id = $e AND o.sent_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM outbox_sent s WHERE s.delivery_id = o.delivery_id)
            ORDER BY o.recipient
            """);
        pendingCommand.Parameters.AddWithValue("$s", batch.Source);
        pendingCommand.Parameters.AddWithValue("$e", batch.EventId.ToString());
        var pending = new List<OutboxDelivery>();
        await using var reader = await pendingCommand.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(new OutboxDelivery(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2)));
        }

        return new ExistingEvent(hash, pending);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
