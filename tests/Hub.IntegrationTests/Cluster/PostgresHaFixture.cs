using Npgsql;

namespace Hub.IntegrationTests.Cluster;

/// <summary>
/// A Postgres primary with a synchronous streaming standby of its own (scripts/servers/postgres-ha.sh) for one test
/// class, stopped and removed afterwards. <see cref="Admin"/> names both servers with
/// <c>Target Session Attributes=read-write</c>, as a deployment's connection strings would.
/// </summary>
public sealed class PostgresHaFixture : IAsyncLifetime
{
    private const string Script = "postgres-ha.sh";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private readonly string _state = Directory.CreateTempSubdirectory("agencyhub-pgha-").FullName;

    public string Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ServerScript.RunAsync(Script, Patience, null, "start", _state);
        Admin = ServerScript.ReadEnvFile(Path.Combine(_state, "postgres-ha.env"))["AGENCYHUB_TEST_POSTGRES"];
    }

    /// <summary>A new, empty database on the pair (created on the primary, replicated to the standby).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "hub_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(Admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Admin) { Database = name }.ConnectionString;
    }

    /// <summary>SIGKILL to the primary's postmaster and every process it started: a crash.</summary>
    public Task KillPrimaryAsync() => ServerScript.RunAsync(Script, Patience, null, "kill-primary", _state);

    /// <summary>Promotes the standby; the old primary leaves the pair.</summary>
    public Task PromoteAsync() => ServerScript.RunAsync(Script, Patience, null, "promote", _state);

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ServerScript.RunAsync(Script, Patience, null, "stop", _state);
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failed clean-up must not hide the test's outcome.
        }
    }
}
