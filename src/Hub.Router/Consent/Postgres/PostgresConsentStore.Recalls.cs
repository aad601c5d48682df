using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Router.Recalls;
using Npgsql;

namespace Hub.Router.Consent.Postgres;

/// <summary>The recall store in the ledger's Postgres database: every recall, keyed by its cause (docs/adr/0007, 0020).</summary>
public sealed partial class PostgresConsentStore : IRecallStore
{
    /// <summary>Recalls with their deliveries and acknowledgement; callers add WHERE and ORDER BY.</summary>
    internal const string RecallSelect = """
        SELECT r.recall_id, r.cause, r.cause_ref, r.reason_code, r.recipient, r.caused_at, r.requested_at,
               a.acknowledged_at, a.erased, a.not_held, d.delivery_id, d.event_id, d.event_type, d.source
        FROM recalls r
        JOIN recall_deliveries d ON d.recall_id = r.recall_id
        LEFT JOIN recall_acknowledgements a ON a.recall_id = r.recall_id
        """;

    private const string RecallOrder = " ORDER BY r.requested_at, r.recall_id, d.delivery_id";

    public async Task<IReadOnlyList<RecallNotice>> SyncRecallsAsync(RecallCause cause, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cause);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            // One planner per cause at a time: two would pick the same deliveries into different recalls.
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(727276, hashtext($1))", connection, transaction))
            {
                lockCommand.Parameters.Add(new() { Value = $"{cause.KindText}|{cause.Reference}" });
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            var candidates = await RecallCandidatesAsync(connection, transaction, cause, cancellationToken);
            foreach (var (recallId, recipient, deliveries) in RecallPlanner.Plan(cause, candidates.Select(c => (c.Recipient, c.Delivery))))
            {
                await using (var insert = new NpgsqlCommand("INSERT INTO recalls (recall_id, cause, cause_ref, reason_code, recipient, caused_at, requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING", connection, transaction))
                {
                    insert.Parameters.Add(new() { Value = recallId });
                    insert.Parameters.Add(new() { Value = cause.KindText });
                    insert.Parameters.Add(new() { Value = cause.Reference });
                    insert.Parameters.Add(new() { Value = (object?)candidates[0].ReasonCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                    insert.Parameters.Add(new() { Value = recipient });
                    insert.Parameters.Add(new() { Value = candidates[0].CausedAt.ToUniversalTime() });
                    insert.Parameters.Add(new() { Value = now.ToUniversalTime() });
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                foreach (var delivery in deliveries)
                {
                    await using var named = new NpgsqlCommand("INSERT INTO recall_deliveries (recall_id, delivery_id, source, event_id, event_type) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING", connection, transaction);
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

        await using var outstanding = new NpgsqlCommand(RecallSelect + " WHERE r.cause = $1 AND r.cause_ref = $2 AND a.recall_id IS NULL" + RecallOrder, connection);
        outstanding.Parameters.Add(new() { Value = cause.KindText });
        outstanding.Parameters.Add(new() { Value = cause.Reference });
        return await ReadRecallsAsync(outstanding, cancellationToken);
    }

    public async Task<RecallAcknowledgement> AcknowledgeAsync(Guid recallId, string recipient, DateTimeOffset acknowledgedAt, DateTimeOffset receivedAt, int erased, int notHeld, CancellationToken cancellationToken)
    {
        await using var find = dataSource.CreateCommand("SELECT recipient FROM recalls WHERE recall_id = $1");
        find.Parameters.Add(new() { Value = recallId });
        var owner = (string?)await find.ExecuteScalarAsync(cancellationToken);
        if (owner is null)
        {
            return RecallAcknowledgement.UnknownRecall;
        }

        if (owner != recipient)
        {
            return RecallAcknowledgement.WrongRecipient;
        }

        await using var insert = dataSource.CreateCommand("INSERT INTO recall_acknowledgements (recall_id, acknowledged_at, received_at, erased, not_held) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING");
        insert.Parameters.Add(new() { Value = recallId });
        insert.Parameters.Add(new() { Value = acknowledgedAt.ToUniversalTime() });
        insert.Parameters.Add(new() { Value = receivedAt.ToUniversalTime() });
        insert.Parameters.Add(new() { Value = erased });
        insert.Parameters.Add(new() { Value = notHeld });
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1 ? RecallAcknowledgement.Recorded : RecallAcknowledgement.AlreadyAcknowledged;
    }

    public async Task<IReadOnlyList<RecallNotice>> RecallsAsync(bool includeAcknowledged, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(RecallSelect + (includeAcknowledged ? string.Empty : " WHERE a.recall_id IS NULL") + RecallOrder);
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
                    Cause = new RecallCause(RecallCauseKinds.Parse(reader.GetString(1)), reader.GetString(2)),
                    ReasonCode = reader.IsDBNull(3) ? null : reader.GetString(3),
                    Recipient = reader.GetString(4),
                    WithdrawnAt = reader.GetFieldValue<DateTimeOffset>(5),
                    RequestedAt = reader.GetFieldValue<DateTimeOffset>(6),
                    AcknowledgedAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                    Erased = reader.IsDBNull(8) ? null : reader.GetInt32(8),
                    NotHeld = reader.IsDBNull(9) ? null : reader.GetInt32(9),
                    Deliveries = [],
                }, new RecalledDelivery
                {
                    DeliveryId = reader.GetGuid(10),
                    EventId = reader.GetGuid(11),
                    EventType = reader.GetString(12),
                    Source = new AgencyCode(reader.GetString(13)),
                }));
            }
        }

        return RecallRows.Group(rows);
    }
}
