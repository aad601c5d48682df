using Npgsql;
using NpgsqlTypes;

namespace Hub.Router.Ledger.Postgres;

/// <summary>
/// One group in one transaction, in a handful of round trips whatever its size: insert the sent marks, register every
/// event, read back what was already registered, and COPY the new events' ledger rows and outbox rows (then their provenance marks, docs/adr/0016). Marks and
/// events are each inserted in key order, marks before events, so two routers take row locks in one order and
/// cannot deadlock. Ledger rows draw their seq inside this transaction, after the register insert gave it an
/// xid, as the sealer's horizon requires (docs/adr/0008).
/// </summary>
internal static class PostgresGroupCommit
{
    public static async Task<IReadOnlyList<RecordResult>> RunAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<DecisionBatch> batches, IReadOnlyList<SentMark> sent, CancellationToken cancellationToken)
    {
        var plan = new LedgerGroupPlan(batches);
        var primaries = plan.Primaries;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcomes = new ExistingEvent?[primaries.Count];

        // Marks first, so a redelivered event in this group does not send again what was already confirmed.
        if (sent.Count > 0)
        {
            await MarkSentAsync(connection, transaction, sent, cancellationToken);
        }

        if (primaries.Count > 0)
        {
            var inserted = await RegisterAsync(connection, transaction, primaries, cancellationToken);
            var existing = Enumerable.Range(0, primaries.Count).Where(i => !inserted.Contains((primaries[i].Source, primaries[i].EventId))).ToList();
            if (existing.Count > 0)
            {
                var found = await ExistingAsync(connection, transaction, [.. existing.Select(i => primaries[i])], cancellationToken);
                foreach (var i in existing)
                {
                    outcomes[i] = found[(primaries[i].Source, primaries[i].EventId)];
                }
            }

            var fresh = Enumerable.Range(0, primaries.Count).Where(i => outcomes[i] is null).Select(i => primaries[i]).ToList();
            await CopyEntriesAsync(connection, fresh, cancellationToken);
            await CopyOutboxAsync(connection, fresh, cancellationToken);
            if (fresh.Any(b => b.ProvenanceMarks.Count > 0))
            {
                await Provenance.Postgres.PostgresProvenance.InsertAsync(connection, transaction, [.. fresh.SelectMany(b => b.ProvenanceMarks)], cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return plan.Results(outcomes);
    }

    private static async Task<HashSet<(string, Guid)>> RegisterAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<DecisionBatch> primaries, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO ingress_events (source, event_id, content_hash, recorded_at)
            SELECT source, event_id, content_hash, recorded_at
            FROM unnest($1::text[], $2::uuid[], $3::text[], $4::timestamptz[]) WITH ORDINALITY AS e(source, event_id, content_hash, recorded_at, n)
            ORDER BY n
            ON CONFLICT (source, event_id) DO NOTHING
            RETURNING source, event_id
            """, connection, transaction);
        command.Parameters.Add(new() { Value = primaries.Select(b => b.Source).ToArray() });
        command.Parameters.Add(new() { Value = primaries.Select(b => b.EventId).ToArray() });
        command.Parameters.Add(new() { Value = primaries.Select(b => b.ContentHash).ToArray() });
        command.Parameters.Add(new() { Value = primaries.Select(b => b.RecordedAt).ToArray() });
        var inserted = new HashSet<(string, Guid)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add((reader.GetString(0), reader.GetGuid(1)));
        }

        return inserted;
    }

    /// <summary>The register's content hash and the unsent deliveries of events recorded before (by an earlier group or another router).</summary>
    private static async Task<Dictionary<(string, Guid), ExistingEvent>> ExistingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<DecisionBatch> events, CancellationToken cancellationToken)
    {
        var sources = events.Select(b => b.Source).ToArray();
        var ids = events.Select(b => b.EventId).ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var hashes = new NpgsqlBatchCommand(
            "SELECT i.source, i.event_id, i.content_hash FROM ingress_events i JOIN unnest($1::text[], $2::uuid[]) AS k(source, event_id) USING (source, event_id)");
        hashes.Parameters.Add(new() { Value = sources });
        hashes.Parameters.Add(new() { Value = ids });
        var pending = new NpgsqlBatchCommand(
            """
            SELECT o.source, o.event_id, o.delivery_id, o.recipient, o.body::text
            FROM outbox_deliveries o JOIN unnest($1::text[], $2::uuid[]) AS k(source, event_id) USING (source, event_id)
            WHERE o.sent_at IS NULL AND NOT EXISTS (SELECT 1 FROM outbox_sent s WHERE s.delivery_id = o.delivery_id)
            ORDER BY o.source, o.event_id, o.recipient
            """);
        pending.Parameters.Add(new() { Value = sources });
        pending.Parameters.Add(new() { Value = ids });
        batch.BatchCommands.Add(hashes);
        batch.BatchCommands.Add(pending);

        var found = new Dictionary<(string, Guid), (string Hash, List<OutboxDelivery> Pending)>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[(reader.GetString(0), reader.GetGuid(1))] = (reader.GetString(2), []);
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[(reader.GetString(0), reader.GetGuid(1))].Pending.Add(new OutboxDelivery(reader.GetGuid(2), reader.GetString(3), reader.GetString(4)));
        }

        return found.ToDictionary(kv => kv.Key, kv => new ExistingEvent(kv.Value.Hash, kv.Value.Pending));
    }

    private static async Task CopyEntriesAsync(NpgsqlConnection connection, IReadOnlyList<DecisionBatch> fresh, CancellationToken cancellationToken)
    {
        if (!fresh.Any(b => b.Entries.Count > 0))
        {
            return;
        }

        // No ON CONFLICT for COPY, and none is needed: entry ids derive from (source, event id, recipient), and this
        // transaction has just registered each of these events, so no other transaction can have written their rows.
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY ledger_entries ({Storage.LedgerRowCodec.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var entry in fresh.SelectMany(b => b.Entries))
        {
            await PostgresLedgerValues.WriteRowAsync(importer, entry, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyOutboxAsync(NpgsqlConnection connection, IReadOnlyList<DecisionBatch> fresh, CancellationToken cancellationToken)
    {
        if (!fresh.Any(b => b.Deliveries.Count > 0))
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY outbox_deliveries (delivery_id, source, event_id, recipient, body, created_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var batch in fresh)
        {
            foreach (var delivery in batch.Deliveries)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(delivery.DeliveryId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(batch.Source, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(batch.EventId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(delivery.Recipient, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(delivery.Body, NpgsqlDbType.Jsonb, cancellationToken);
                await importer.WriteAsync(batch.RecordedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task MarkSentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<SentMark> sent, CancellationToken cancellationToken)
    {
        var ordered = sent.DistinctBy(s => s.DeliveryId).OrderBy(s => s.DeliveryId).ToList();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO outbox_sent (delivery_id, sent_at)
            SELECT delivery_id, sent_at FROM unnest($1::uuid[], $2::timestamptz[]) WITH ORDINALITY AS s(delivery_id, sent_at, n)
            ORDER BY n
            ON CONFLICT (delivery_id) DO NOTHING
            """, connection, transaction);
        command.Parameters.Add(new() { Value = ordered.Select(s => s.DeliveryId).ToArray() });
        command.Parameters.Add(new() { Value = ordered.Select(s => s.SentAt).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
