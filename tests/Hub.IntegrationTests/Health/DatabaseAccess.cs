using Npgsql;

namespace Hub.IntegrationTests.Health;

/// <summary>
/// Cuts a database off and restores it, as an outage or a revoked grant would: no new connections are allowed
/// (not even a superuser's) and the open ones are terminated, so a pooled connection fails too.
/// </summary>
public static class DatabaseAccess
{
    public static async Task CutOffAsync(string adminConnectionString, string databaseConnectionString)
    {
        var database = Quoted(databaseConnectionString);
        await ExecuteAsync(adminConnectionString, $"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS false");
        await ExecuteAsync(adminConnectionString, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{new NpgsqlConnectionStringBuilder(databaseConnectionString).Database}' AND pid <> pg_backend_pid()");
    }

    public static Task RestoreAsync(string adminConnectionString, string databaseConnectionString) =>
        ExecuteAsync(adminConnectionString, $"ALTER DATABASE {Quoted(databaseConnectionString)} WITH ALLOW_CONNECTIONS true");

    private static string Quoted(string connectionString) => "\"" + new NpgsqlConnectionStringBuilder(connectionString).Database!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
