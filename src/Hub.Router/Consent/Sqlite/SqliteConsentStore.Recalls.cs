using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Router.Recalls;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Consent.Sqlite;

/// <summary>The recall half of the embedded consent store.</summary>
public sealed partial class SqliteConsentStore
{
    /// <summary>Recalls with their withdrawal, deliveries and acknowledgement; callers add WHERE and ORDER BY.</summary>
    internal const string RecallSelect = """
        SELECT r.recall_id, r.consent_id, r.recipient, w.effective_at, r.requested_at, a.acknowledged_at, a.erased, a.not_held,
               d.delivery_id, d.event_id, d.event_type, d.source
        FROM recalls r
        JOIN consent_withdrawals w ON w.consent_id = r.consent_id
        JOIN recall_deliveries d ON d.recall_id = r.recall_id
        LEFT JOIN recall_acknowledgements a ON a.recall_id = r.recall_id
        """;

    public async Task<IReadOnlyList<RecallNotice>> SyncRecallsAsync(string consentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var unrecalled = new List<(string, RecalledDelivery)>();
            await using (var select = Command(connection, transaction, """
                SELECT l.recipient, l.delivery_id, l.event_id, l.event_type, l.source
                FROM ledger_entries l
                WHERE l.consent_ref = $1 AND l.footing = 'consent' AND l.outcome = 'allowed' AND l.delivery_id IS NOT NULL
                  AND EXISTS (SELECT 1 FROM consent_withdrawals w WHERE w.consent_id = $1)
                  AND NOT EXISTS (SELECT 1 FROM recall_deliveries d WHERE d.delivery_id = l.delivery_id)
                ORDER BY l.seq
                """))
            {
                Bind(select, consentId);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    unrecalled.Add((reader.GetString(0), new RecalledDelivery
                    {
                        DeliveryId = Guid.Parse(reader.GetString(1)),
                        EventId = Guid.Parse(reader.GetString(2)),
                        EventType = reader.GetString(3),
                        Source = new AgencyCode(reader.GetString(4)),
                    }));
                }
            }

            foreach (var (recallId, recipient, deliveries) in RecallPlanner.Plan(consentId, unrecalled))
            {
                await using (var insert = Command(connection, transaction, "INSERT OR IGNORE INTO recalls (recall_id, consent_id, recipient, requested_at) VALUES ($1, $2, $3, $4)"))
                {
                    Bind(insert, recallId.ToString(), consentId, recipient, Time(now));
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                foreach (var delivery in deliveries)
                {
                    await using var named = Command(connection, transaction, "INSERT OR IGNORE INTO recall_deliveries (delivery_id, recall_id, source, event_id, event_type) VALUES ($1, $2, $3, $4, $5)");
                    Bind(named, delivery.DeliveryId.ToString(), recallId.ToString(), delivery.Source.Value, delivery.EventId.ToString(), delivery.EventType);
                    await named.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }

        await using var outstanding = Command(connection, null, RecallSelect + " WHERE r.consent_id = $1 AND a.recall_id IS NULL ORDER BY r.requested_at, r.recall_id, d.delivery_id");
        Bind(outstanding, consentId);
        return await ReadRecallsAsync(outstanding, cancellationToken);
    }

    public async Task<RecallAcknowledgement> AcknowledgeAsync(Guid recallId, string recipient, DateTimeOffset acknowledgedAt, DateTimeOffset receivedAt, int erased, int notHeld, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var find = Command(connection, null, "SELECT recipient FROM recalls WHERE recall_id = $1");
        Bind(find, recallId.ToString());
        var owner = (string?)await find.ExecuteScalarAsync(cancellationToken);
        if (owner is null)
        {
            return await AcknowledgeRetractionAsync(connection, recallId, recipient, acknowledgedAt, receivedAt, erased, notHeld, cancellationToken) ?? RecallAcknowledgement.UnknownRecall;
        }

        if (owner != recipient)
        {
            return RecallAcknowledgement.WrongRecipient;
        }

        await using var insert = Command(connection, null, "INSERT OR IGNORE INTO recall_acknowledgements (recall_id, acknowledged_at, received_at, erased, not_held) VALUES ($1, $2, $3, $4, $5)");
        Bind(insert, recallId.ToString(), Time(acknowledgedAt), Time(receivedAt), erased, notHeld);
        return await WriteAsync(insert, cancellationToken) == 1 ? RecallAcknowledgement.Recorded : RecallAcknowledgement.AlreadyAcknowledged;
    }

    public async Task<IReadOnlyList<RecallNotice>> RecallsAsync(bool includeAcknowledged, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, RecallSelect + (includeAcknowledged ? string.Empty : " WHERE a.recall_id IS NULL") + " ORDER BY r.requested_at, r.recall_id, d.delivery_id");
        return await ReadRecallsAsync(command, cancellationToken);
    }

    internal static async Task<IReadOnlyList<RecallNotice>> ReadRecallsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<(RecallNotice, RecalledDelivery)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((new RecallNotice
                {
                    RecallId = Guid.Parse(reader.GetString(0)),
                    ConsentId = reader.GetString(1),
                    Recipient = reader.GetString(2),
                    WithdrawnAt = ParseTime(reader.GetString(3)),
                    RequestedAt = ParseTime(reader.GetString(4)),
                    AcknowledgedAt = reader.IsDBNull(5) ? null : ParseTime(reader.GetString(5)),
                    Erased = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                    NotHeld = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                    Deliveries = [],
                }, new RecalledDelivery
                {
                    DeliveryId = Guid.Parse(reader.GetString(8)),
                    EventId = Guid.Parse(reader.GetString(9)),
                    EventType = reader.GetString(10),
                    Source = new AgencyCode(reader.GetString(11)),
                }));
            }
        }

        return RecallRows.Group(rows);
    }
}
