using System.Security.Authentication;
using Hub.IntegrationTests.Infrastructure;
using Npgsql;

namespace Hub.IntegrationTests.Ledger;

/// <summary>The ledger connection over TLS with <c>SSL Mode=VerifyFull</c> against the test CA (scripts/servers/postgres.sh).</summary>
[Collection(ServersGroup.Name)]
public class LedgerTlsTests(ServersFixture servers)
{
    [Fact]
    public async Task When_the_ledger_connection_verifies_the_server_against_the_test_ca_should_connect_over_tls()
    {
        await using var connection = new NpgsqlConnection(TestCa.VerifyFull(await servers.CreateDatabaseAsync(), TestCa.File));
        await connection.OpenAsync();

        await using var command = new NpgsqlCommand("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", connection);
        ((bool)(await command.ExecuteScalarAsync())!).ShouldBeTrue();
    }

    [Fact]
    public async Task When_the_ledger_connection_trusts_a_different_ca_should_refuse_the_server()
    {
        var unrelated = TestCa.WriteUnrelated();
        try
        {
            await using var connection = new NpgsqlConnection(TestCa.VerifyFull(servers.PostgresAdmin, unrelated));
            var refused = await Should.ThrowAsync<NpgsqlException>(() => connection.OpenAsync());
            refused.InnerException.ShouldBeOfType<AuthenticationException>(refused.ToString());
        }
        finally
        {
            File.Delete(unrelated);
        }
    }
}
