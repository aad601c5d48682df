using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Hub.Cli.Tests.Json;

/// <summary><c>hub audit prune --format json</c> on the ledger <c>hub demo</c> leaves behind: the document, and the same exit codes as text.</summary>
public sealed class AuditPruneJsonTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agencyhub-prune-json-" + Guid.NewGuid().ToString("N")[..8]);

    private string Ledger => Path.Combine(_folder, "ledger.db");

    public async Task InitializeAsync()
    {
        var (exitCode, _, errors) = await HubProcess.RunAsync("demo", "--ledger", Ledger, "--agreements", Path.Combine(AppContext.BaseDirectory, "samples", "agreements"));
        exitCode.ShouldBe(0, errors);
    }

    [Fact]
    public async Task When_nothing_is_old_enough_should_report_the_verified_chain_and_no_pruning_record()
    {
        var (verifyExit, verifyOutput, _) = await HubProcess.RunAsync("audit", "verify", "--sqlite", Ledger, "--format", "json");
        var (exitCode, output, errors) = await HubProcess.RunAsync("audit", "prune", "--sqlite", Ledger, "--retention-days", "30", "--format", "json");

        verifyExit.ShouldBe(0);
        exitCode.ShouldBe(0, errors);
        using var verified = JsonDocument.Parse(verifyOutput);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        root.GetProperty("schema").GetString().ShouldBe("agencyhub.audit.prune/1");
        root.GetProperty("retentionDays").GetInt32().ShouldBe(30);
        root.GetProperty("intact").GetBoolean().ShouldBeTrue();
        root.TryGetProperty("pruned", out _).ShouldBeFalse("nothing was pruned");
        var chain = root.GetProperty("chain");
        chain.GetProperty("rowsVerified").GetInt64().ShouldBe(await RowCountAsync());
        chain.GetProperty("head").GetProperty("chainHash").GetString().ShouldBe(verified.RootElement.GetProperty("chain").GetProperty("head").GetProperty("chainHash").GetString());
        (TimeProvider.System.GetUtcNow() - root.GetProperty("cutoff").GetDateTimeOffset()).TotalDays.ShouldBeGreaterThanOrEqualTo(30);
    }

    [Fact]
    public async Task When_the_chain_is_broken_should_refuse_on_stderr_name_the_break_and_exit_1()
    {
        await using (var connection = new SqliteConnection($"Data Source={Ledger};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER ledger_entries_no_update; UPDATE ledger_entries SET recipient = 'police' WHERE seq = 3";
            await command.ExecuteNonQueryAsync();
        }

        var (exitCode, output, errors) = await HubProcess.RunAsync("audit", "prune", "--sqlite", Ledger, "--retention-days", "1", "--format", "json");

        exitCode.ShouldBe(1);
        errors.Trim().ShouldBe("Refusing to prune: the ledger does not verify, and pruning would destroy the evidence.");
        using var document = JsonDocument.Parse(output);
        document.RootElement.GetProperty("intact").GetBoolean().ShouldBeFalse();
        var broken = document.RootElement.GetProperty("chain").GetProperty("break");
        broken.GetProperty("check").GetString().ShouldBe("content-changed");
        broken.GetProperty("seal").GetInt64().ShouldBe(1);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<long> RowCountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Ledger};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ledger_entries";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
