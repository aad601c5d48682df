using Npgsql;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// The ledger's answer to "was every event decided exactly once for every candidate recipient?", read with plain SQL.
/// </summary>
public sealed record HubLedgerCounts(long Rows, long DistinctEventRecipients, long DistinctEvents, long Rejections, long Unsent)
{
    public static async Task<HubLedgerCounts> ReadAsync(string ledger)
    {
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(ledger);
            await using var command = dataSource.CreateCommand("""
                SELECT count(*), count(DISTINCT (event_id, recipient)), count(DISTINCT event_id), count(*) FILTER (WHERE kind = 'rejection'),
                       (SELECT count(*) FROM outbox_deliveries o WHERE o.sent_at IS NULL AND NOT EXISTS (SELECT 1 FROM outbox_sent s WHERE s.delivery_id = o.delivery_id))
                FROM ledger_entries
                """);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return new HubLedgerCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The router has not created its schema yet.
            return new HubLedgerCounts(0, 0, 0, 0, 0);
        }
    }

    /// <summary>The delivery ids the ledger allowed for <paramref name="recipient"/>: what its sink must hold, once each.</summary>
    public static async Task<IReadOnlySet<Guid>> AllowedDeliveriesAsync(string ledger, string recipient)
    {
        await using var dataSource = NpgsqlDataSource.Create(ledger);
        await using var command = dataSource.CreateCommand("SELECT delivery_id FROM ledger_entries WHERE outcome = 'allowed' AND recipient = $1");
        command.Parameters.AddWithValue(recipient);
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
