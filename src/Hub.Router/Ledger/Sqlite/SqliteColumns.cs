using Microsoft.Data.Sqlite;

namespace Hub.Router.Ledger.Sqlite;

/// <summary>Adds columns a newer schema has to a SQLite file made by an older one.</summary>
internal static class SqliteColumns
{
    public static async Task AddMissingAsync(SqliteConnection connection, IEnumerable<(string Table, string Column, string Definition)> columns, CancellationToken cancellationToken)
    {
        foreach (var (table, column, definition) in columns)
        {
            await using var probe = connection.CreateCommand();
            probe.CommandText = "SELECT count(*) FROM pragma_table_info($t) WHERE name = $c";
            probe.Parameters.AddWithValue("$t", table);
            probe.Parameters.AddWithValue("$c", column);
            if ((long)(await probe.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                continue;
            }

            await using var alter = connection.CreateCommand();
#pragma warning disable CA2100 // Names come from the schema constants above, never from input.
            alter.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition}";
#pragma warning restore CA2100
            await alter.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
