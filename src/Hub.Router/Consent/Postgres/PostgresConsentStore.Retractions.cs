using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Health.V1;
using Hub.Router.Recalls;
using Npgsql;

namespace Hub.Router.Consent.Postgres;

/// <summary>The retraction recalls of the Postgres consent store (docs/adr/0020).</summary>
public sealed partial class PostgresConsentStore
{
    private const string RetractionRecallSelect = """
        SELECT r.recall_id, '', r.recipient, r.retracted_at, r.requested_at, a.acknowledged_at, a.erased, a.not_held,
               d.delivery_id, d.event_id, d.event_type, d.source
        FROM retraction_recalls r
        JOIN retraction_recall_deliveries d ON d.recall_id = r.recall_id
        LEFT JOIN retraction_recall_acknowledgements a ON a.recall_id = r.recall_id
        """;

    public async Task<IReadOnlyList<RecallNotice>> SyncRetractionRecallsAsync(RecordRetracted retraction, AgencyCode source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retraction);
        var retractionId = retraction.Envelope.EventId;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var delivered = new List<(string, RecalledDelivery)>();
            await using (var select = new NpgsqlCommand(
                """
                SELECT l.recipient, l.delivery_id, l.event_id, l.event_type, l.source
                FROM ledger_entries l
                WHERE l.source = $1 AND l.event_type = $2 AND l.outcome = 'allowed' AND l.delivery_id IS NOT NULL
                  AND l.event_id = ANY($3)
                ORDER BY l.seq
                """, connection, transaction))
            {
                select.Parameters.Add(new() { Value = source.Value });
                select.Parameters.Add(new() { Value = retraction.RetractedEventType });
                select.Parameters.Add(new() { Value = retraction.RetractedEventIds.ToArray() });
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    delivered.Add((reader.GetString(0), new RecalledDelivery
                    {
                        DeliveryId = reader.GetGuid(1),
                        EventId = reader.GetGuid(2),
                        EventType = reader.GetString(3),
                        Source = new AgencyCode(reader.GetString(4)),
                    }));
                }
            }

            foreach (var (recallId, recipient, deliveries) in RetractionPlanner.Plan(retraction, source, delivered))
            {
                await using (var insert = new NpgsqlCommand("INSERT INTO retraction_recalls (recall_id, retraction_id, source, recipient, reason, retracted_at, requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING", connection, transaction))
                {
                    insert.Parameters.Add(new() { Value = recallId });
                    insert.Parameters.Add(new() { Value = retractionId });
                    insert.Parameters.Add(new() { Value = source.Value });
                    insert.Parameters.Add(new() { Value = recipient });
                    insert.Parameters.Add(new() { Value = retraction.Reason });
                    insert.Parameters.Add(new() { Value = retraction.Envelope.OccurredAt });
                    insert.Parameters.Add(new() { Value = now });
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                foreach (var delivery in deliveries)
                {
                    await using var named = new NpgsqlCommand("INSERT INTO retraction_recall_deliveries (recall_id, delivery_id, source, event_id, event_type) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING", connection, transaction);
                    named.Parameters.Add(new() { Value = recallId });
                    named.Parameters.Add(new() { Value = delivery.DeliveryId });
                    named.Parameters.Add(new() { Value = delivery.Source.Value });
                    named.Parameters.Add(new() { Value = delivery.EventId });
                    named.Parameters.Add(new() { Value = delivery.EventType });
                    await named.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await using var outstanding = new NpgsqlCommand(RetractionRecallSelect + " WHERE r.retraction_id = $1 AND a.recall_id IS NULL ORDER BY r.recipient, r.recall_id, d.delivery_id", connection);
        outstanding.Parameters.Add(new() { Value = retractionId });
        return [.. (await ReadRecallsAsync(outstanding, cancellationToken)).Select(r => r with { RetractionId = retractionId })];
    }

    /// <summary>A retraction recall's acknowledgement; null when no retraction recall has this id.</summary>
    private async Task<RecallAcknowledgement?> AcknowledgeRetractionAsync(Guid recallId, string recipient, DateTimeOffset acknowledgedAt, DateTimeOffset receivedAt, int erased, int notHeld, CancellationToken cancellationToken)
    {
        await using var find = dataSource.CreateCommand("SELECT recipient FROM retraction_recalls WHERE recall_id = $1");
        find.Parameters.Add(new() { Value = recallId });
        var owner = (string?)await find.ExecuteScalarAsync(cancellationToken);
        if (owner is null)
        {
            return null;
        }

        if (owner != recipient)
        {
            return RecallAcknowledgement.WrongRecipient;
        }

        await using var insert = dataSource.CreateCommand("INSERT INTO retraction_recall_acknowledgements (recall_id, acknowledged_at, received_at, erased, not_held) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING");
        insert.Parameters.Add(new() { Value = recallId });
        insert.Parameters.Add(new() { Value = acknowledgedAt });
        insert.Parameters.Add(new() { Value = receivedAt });
        insert.Parameters.Add(new() { Value = erased });
        insert.Parameters.Add(new() { Value = notHeld });
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1 ? RecallAcknowledgement.Recorded : RecallAcknowledgement.AlreadyAcknowledged;
    }
}
