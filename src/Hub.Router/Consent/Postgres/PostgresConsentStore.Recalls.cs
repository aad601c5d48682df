using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Router.Recalls;
using Npgsql;

namespace Hub.Router.Consent.Postgres;

/// <summary>The recall half of the Postgres consent store.</summary>
public sealed partial class PostgresConsentStore
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            // One planner per consent at a time: two would pick the same deliveries into different recalls.
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(727276, hashtext($1))", connection, transaction))
            {
                lockCommand.Parameters.Add(new() { Value = consentId });
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            var unrecalled = new List<(string, RecalledDelivery)>();
            await using (var select = new NpgsqlCommand(
                """
                SELECT l.recipient, l.delivery_id, l.event_id, l.event_type, l.source
                FROM ledger_entries l
                WHERE l.consent_ref = $1 AND l.footing = 'consent' AND l.outcome = 'allowed' AND l.delivery_id IS NOT NULL
                  AND EXISTS (SELECT 1 FROM consent_withdrawals w WHERE w.consent_id = $1)
                  AND NOT EXISTS (SELECT 1 FROM recall_deliveries d WHERE d.delivery_id = l.delivery_id)
                ORDER BY l.seq
                """, connection, transaction))
            {
                select.Parameters.Add(new() { Value = consentId });
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    unrecalled.Add((reader.GetString(0), new RecalledDelivery
                    {
                        DeliveryId = reader.GetGuid(1),
                        EventId = reader.GetGuid(2),
                        EventType = reader.GetString(3),
                        Source = new AgencyCode(reader.GetString(4)),
                    }));
                }
            }

            foreach (var (recallId, recipient, deliveries) in RecallPlanner.Plan(consentId, unrecalled))
            {
                await using (var insert = new NpgsqlCommand("INSERT INTO recalls (recall_id, consent_id, recipient, requested_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", connection, transaction))
                {
                    insert.Parameters.Add(new() { Value = recallId });
                    insert.Parameters.Add(new() { Value = consentId });
                    insert.Parameters.Add(new() { Value = recipient });
                    insert.Parameters.Add(new() { Value = now });
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                foreach (var delivery in deliveries)
                {
                    await using var named = new NpgsqlCommand("INSERT INTO recall_deliveries (delivery_id, recall_id, source, event_id, event_type) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING", connection, transaction);
                    named.Parameters.Add(new() { Value = delivery.DeliveryId });
                    named.Parameters.Add(new() { Value = recallId });
                    named.Parameters.Add(new() { Value = delivery.Source.Value });
                    named.Parameters.Add(new() { Value = delivery.EventId });
                    named.Parameters.Add(new() { Value = delivery.EventType });
                    await named.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await using var outstanding = new NpgsqlCommand(RecallSelect + " WHERE r.consent_id = $1 AND a.recall_id IS NULL ORDER BY r.requested_at, r.recall_id, d.delivery_id", connection);
        outstanding.Parameters.Add(new() { Value = consentId });
        return await ReadRecallsAsync(outstanding, cancellationToken);
    }

    public async Task<RecallAcknowledgement> AcknowledgeAsync(Guid recallId, string recipient, DateTimeOffset acknowledgedAt, DateTimeOffset receivedAt, int erased, int notHeld, CancellationToken cancellationToken)
    {
        await using var find = dataSource.CreateCommand("SELECT recipient FROM recalls WHERE recall_id = $1");
        find.Parameters.Add(new() { Value = recallId });
        var owner = (string?)await find.ExecuteScalarAsync(cancellationToken);
        if (owner is null)
        {
            return await AcknowledgeRetractionAsync(recallId, recipient, acknowledgedAt, receivedAt, erased, notHeld, cancellationToken) ?? RecallAcknowledgement.UnknownRecall;
        }

        if (owner != recipient)
        {
            return RecallAcknowledgement.WrongRecipient;
        }

        await using var insert = dataSource.CreateCommand("INSERT INTO recall_acknowledgements (recall_id, acknowledged_at, received_at, erased, not_held) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING");
        insert.Parameters.Add(new() { Value = recallId });
        insert.Parameters.Add(new() { Value = acknowledgedAt });
        insert.Parameters.Add(new() { Value = receivedAt });
        insert.Parameters.Add(new() { Value = erased });
        insert.Parameters.Add(new() { Value = notHeld });
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1 ? RecallAcknowledgement.Recorded : RecallAcknowledgement.AlreadyAcknowledged;
    }

    public async Task<IReadOnlyList<RecallNotice>> RecallsAsync(bool includeAcknowledged, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(RecallSelect + (includeAcknowledged ? string.Empty : " WHERE a.recall_id IS NULL") + " ORDER BY r.requested_at, r.recall_id, d.delivery_id");
        return await ReadRecallsAsync(command, cancellationToken);
    }

    internal static async Task<IReadOnlyList<RecallNotice>> ReadRecallsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<(RecallNotice Notice, RecalledDelivery Delivery)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((new RecallNotice
                {
                    RecallId = reader.GetGuid(0),
                    ConsentId = reader.GetString(1),
                    Recipient = reader.GetString(2),
                    WithdrawnAt = reader.GetFieldValue<DateTimeOffset>(3),
                    RequestedAt = reader.GetFieldValue<DateTimeOffset>(4),
                    AcknowledgedAt = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                    Erased = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                    NotHeld = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                    Deliveries = [],
                }, new RecalledDelivery
                {
                    DeliveryId = reader.GetGuid(8),
                    EventId = reader.GetGuid(9),
                    EventType = reader.GetString(10),
                    Source = new AgencyCode(reader.GetString(11)),
                }));
            }
        }

        return RecallRows.Group(rows);
    }
}
