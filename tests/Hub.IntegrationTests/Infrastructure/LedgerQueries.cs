using Npgsql;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>Reads the ledger tables directly with SQL.</summary>
public static class LedgerQueries
{
    public static async Task<IReadOnlyList<LedgerRow>> RowsAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT kind, outcome, source, event_id, recipient, released_fields, withheld_fields, reasons, delivery_id, agreement_set_hash FROM ledger_entries ORDER BY seq");
        var rows = new List<LedgerRow>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(new LedgerRow(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetGuid(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetFieldValue<string[]>(5),
                    reader.GetFieldValue<string[]>(6),
                    reader.GetFieldValue<string[]>(7),
                    reader.IsDBNull(8) ? null : reader.GetGuid(8),
                    reader.IsDBNull(9) ? null : reader.GetString(9)));
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The router has not created its schema yet.
        }

        return rows;
    }

    public static async Task<string> AllTextAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM (SELECT * FROM ledger_entries) t");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
