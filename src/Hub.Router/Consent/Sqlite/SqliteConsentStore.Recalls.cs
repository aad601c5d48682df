using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Router.Recalls;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Consent.Sqlite;

/// <summary>The recall store in the embedded ledger file: every recall, keyed by its cause (docs/adr/0007, 0020).</summary>
public sealed partial class SqliteConsentStore : IRecallStore
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
        await using var connection = await OpenAsync(cancellationToken);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var candidates = await RecallCandidatesAsync(connection, transaction, cause, cancellationToken);
            foreach (var (recallId, recipient, deliveries) in RecallPlanner.Plan(cause, candidates.Select(c => (c.Recipient, c.Delivery))))
            {
                await using (var insert = Command(connection, transaction, "INSERT OR IGNORE INTO recalls (recall_id, cause, cause_ref, reason_code, recipient, caused_at, requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"))
                {
                    Bind(insert, recallId.ToString(), cause.KindText, cause.Reference, candidates[0].ReasonCode, recipient, Time(candidates[0].CausedAt), Time(now));
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                foreach (var delivery in deliveries)
                {
                    await using var named = Command(connection, transaction, "INSERT OR IGNORE INTO recall_deliveries (recall_id, delivery_id, source, event_id, event_type) VALUES ($1, $2, $3, $4, $5)");
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

        await using var outstanding = Command(connection, null, RecallSelect + " WHERE r.cause = $1 AND r.cause_ref = $2 AND a.recall_id IS NULL" + RecallOrder);
        Bind(outstanding, cause.KindText, cause.Reference);
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
            return RecallAcknowledgement.UnknownRecall;
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
        await using var command = Command(connection, null, RecallSelect + (includeAcknowledged ? string.Empty : " WHERE a.recall_id IS NULL") + RecallOrder);
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
                    Cause = new RecallCause(RecallCauseKinds.Parse(reader.GetString(1)), reader.GetString(2)),
                    ReasonCode = reader.IsDBNull(3) ? null : reader.GetString(3),
                    Recipient = reader.GetString(4),
                    WithdrawnAt = ParseTime(reader.GetString(5)),
                    RequestedAt = ParseTime(reader.GetString(6)),
                    AcknowledgedAt = reader.IsDBNull(7) ? null : ParseTime(reader.GetString(7)),
                    Erased = reader.IsDBNull(8) ? null : reader.GetInt32(8),
                    NotHeld = reader.IsDBNull(9) ? null : reader.GetInt32(9),
                    Deliveries = [],
                }, new RecalledDelivery
                {
                    DeliveryId = Guid.Parse(reader.GetString(10)),
                    EventId = Guid.Parse(reader.GetString(11)),
                    EventType = reader.GetString(12),
                    Source = new AgencyCode(reader.GetString(13)),
                }));
            }
        }

        return RecallRows.Group(rows);
    }
}
