using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>The delivery ids an adapter's durable deduplication store holds (table <c>adapter_handled_deliveries</c>).</summary>
public static class HandledDeliveries
{
    public static async Task<IReadOnlySet<Guid>> SqliteAsync(string path)
    {
        var ids = new HashSet<Guid>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT delivery_id FROM adapter_handled_deliveries";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    public static async Task<IReadOnlySet<Guid>> PostgresAsync(string connectionString)
    {
        var ids = new HashSet<Guid>();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT delivery_id FROM adapter_handled_deliveries");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
