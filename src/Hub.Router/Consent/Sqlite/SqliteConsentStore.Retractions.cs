using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Health.V1;
using Hub.Router.Recalls;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Consent.Sqlite;

/// <summary>The retraction recalls of the embedded consent store (docs/adr/0020).</summary>
public sealed partial class SqliteConsentStore
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
        var retractionId = retraction.Envelope.EventId.ToString();
        await using var connection = await OpenAsync(cancellationToken);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var delivered = new List<(string, RecalledDelivery)>();
            await using (var select = Command(connection, transaction, """
                SELECT l.recipient, l.delivery_id, l.event_id, l.event_type, l.source
                FROM ledger_entries l
                WHERE l.source = $1 AND l.event_type = $2 AND l.outcome = 'allowed' AND l.delivery_id IS NOT NULL
                  AND l.event_id IN (SELECT value FROM json_each($3))
                ORDER BY l.seq
                """))
            {
                Bind(select, source.Value, retraction.RetractedEventType, Json(retraction.RetractedEventIds.Select(id => id.ToString())));
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    delivered.Add((reader.GetString(0), new RecalledDelivery
                    {
                        DeliveryId = Guid.Parse(reader.GetString(1)),
                        EventId = Guid.Parse(reader.GetString(2)),
                        EventType = reader.GetString(3),
                        Source = new AgencyCode(reader.GetString(4)),
                    }));
                }
            }

            foreach (var (recallId, recipient, deliveries) in RetractionPlanner.Plan(retraction, source, delivered))
            {
                await using (var insert = Command(connection, transaction, "INSERT OR IGNORE INTO retraction_recalls (recall_id, retraction_id, source, recipient, reason, retracted_at, requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"))
                {
                    Bind(insert, recallId.ToString(), retractionId, source.Value, recipient, retraction.Reason, Time(retraction.Envelope.OccurredAt), Time(now));
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                foreach (var delivery in deliveries)
                {
                    await using var named = Command(connection, transaction, "INSERT OR IGNORE INTO retraction_recall_deliveries (recall_id, delivery_id, source, event_id, event_type) VALUES ($1, $2, $3, $4, $5)");
                    Bind(named, recallId.ToString(), delivery.DeliveryId.ToString(), delivery.Source.Value, delivery.EventId.ToString(), delivery.EventType);
                    await named.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }

        await using var outstanding = Command(connection, null, RetractionRecallSelect + " WHERE r.retraction_id = $1 AND a.recall_id IS NULL ORDER BY r.recipient, r.recall_id, d.delivery_id");
        Bind(outstanding, retractionId);
        return [.. (await ReadRecallsAsync(outstanding, cancellationToken)).Select(r => r with { RetractionId = retraction.Envelope.EventId })];
    }

    /// <summary>A retraction recall's acknowledgement; null when no retraction recall has this id.</summary>
    private async Task<RecallAcknowledgement?> AcknowledgeRetractionAsync(SqliteConnection connection, Guid recallId, string recipient, DateTimeOffset acknowledgedAt, DateTimeOffset receivedAt, int erased, int notHeld, CancellationToken cancellationToken)
    {
        await using var find = Command(connection, null, "SELECT recipient FROM retraction_recalls WHERE recall_id = $1");
        Bind(find, recallId.ToString());
        var owner = (string?)await find.ExecuteScalarAsync(cancellationToken);
        if (owner is null)
        {
            return null;
        }

        if (owner != recipient)
        {
            return RecallAcknowledgement.WrongRecipient;
        }

        await using var insert = Command(connection, null, "INSERT OR IGNORE INTO retraction_recall_acknowledgements (recall_id, acknowledged_at, received_at, erased, not_held) VALUES ($1, $2, $3, $4, $5)");
        Bind(insert, recallId.ToString(), Time(acknowledgedAt), Time(receivedAt), erased, notHeld);
        return await WriteAsync(insert, cancellationToken) == 1 ? RecallAcknowledgement.Recorded : RecallAcknowledgement.AlreadyAcknowledged;
    }
}
