using Microsoft.Data.Sqlite;

namespace Hub.Cli.Tests;

/// <summary><c>hub audit verify|prune</c> on the ledger <c>hub demo</c> leaves behind, run as a user would.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agencyhub-audit-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");

    private string Ledger => Path.Combine(_folder, "ledger.db");

    [Fact]
    public async Task When_the_demo_ledger_is_untouched_should_verify_it_and_print_the_head()
    {
        (await HubProcess.RunAsync("demo", "--ledger", Ledger, "--agreements", _agreements)).ExitCode.ShouldBe(0);

        var rows = await RowCountAsync();

        var (exitCode, output, errors) = await HubProcess.RunAsync("audit", "verify", "--sqlite", Ledger);

        exitCode.ShouldBe(0, errors);
        rows.ShouldBeGreaterThan(0);
        output.ShouldContain($"Ledger OK (sqlite {Ledger}): 1 seal(s), {rows} row(s) verified through seq {rows}; 0 row(s) not yet sealed.");
        output.ShouldContain("Head: seal 1, chain hash ");
    }

    [Fact]
    public async Task When_a_sealed_row_was_edited_should_name_the_first_broken_link_and_fail()
    {
        (await HubProcess.RunAsync("demo", "--ledger", Ledger, "--agreements", _agreements)).ExitCode.ShouldBe(0);
        var rows = await RowCountAsync();
        await TamperAsync("UPDATE ledger_entries SET outcome = 'allowed', recipient = 'police' WHERE seq = 9");

        var (exitCode, output, _) = await HubProcess.RunAsync("audit", "verify", "--sqlite", Ledger);

        exitCode.ShouldBe(1);
        output.ShouldContain($"Ledger BROKEN (sqlite {Ledger}) at seal 1 (seq 1..{rows}): content-changed");
    }

    [Fact]
    public async Task When_there_is_no_ledger_should_say_so_and_exit_2()
    {
        var (exitCode, output, errors) = await HubProcess.RunAsync("audit", "verify", "--sqlite", Ledger);

        exitCode.ShouldBe(2);
        output.ShouldBeEmpty();
        errors.ShouldContain("No ledger at " + Ledger);
        File.Exists(Ledger).ShouldBeFalse("verify never creates a ledger");
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("recalls")]
    public async Task When_the_connection_string_file_holds_a_sample_placeholder_password_should_refuse_it_without_echoing_it(string command)
    {
        var file = Path.Combine(Directory.CreateDirectory(_folder).FullName, "ledger.conn");
        await File.WriteAllTextAsync(file, "Host=127.0.0.1;Username=hub_router;Password=change-me;Database=agencyhub\n");

        var (exitCode, output, errors) = await HubProcess.RunAsync("audit", command, "--postgres-file", file);

        exitCode.ShouldBe(2);
        output.ShouldBeEmpty();
        errors.ShouldContain("The Postgres connection string (--postgres, --postgres-file or $AGENCYHUB_LEDGER_POSTGRES) holds a placeholder password");
        errors.ShouldNotContain("change-me");
    }

    [Fact]
    public async Task When_the_connection_string_comes_from_a_file_should_read_the_ledger_it_names()
    {
        (await HubProcess.RunAsync("demo", "--ledger", Ledger, "--agreements", _agreements)).ExitCode.ShouldBe(0);
        var file = Path.Combine(_folder, "ledger.conn");

        // No Postgres here: a connection string that cannot connect shows the file was read (and --sqlite not used).
        await File.WriteAllTextAsync(file, "Host=127.0.0.1;Port=1;Username=nobody;Password=not-a-placeholder-0123;Database=none;Timeout=1\n");
        var (exitCode, _, errors) = await HubProcess.RunAsync("audit", "verify", "--postgres-file", file);

        exitCode.ShouldBe(2);
        errors.ShouldContain("Cannot read the ledger (postgres 127.0.0.1:1/none as nobody)");
        errors.ShouldNotContain("not-a-placeholder-0123");
    }

    [Fact]
    public async Task When_pruning_a_fresh_ledger_should_prune_nothing_and_still_verify()
    {
        (await HubProcess.RunAsync("demo", "--ledger", Ledger, "--agreements", _agreements)).ExitCode.ShouldBe(0);

        var (exitCode, output, errors) = await HubProcess.RunAsync("audit", "prune", "--sqlite", Ledger, "--retention-days", "30");

        exitCode.ShouldBe(0, errors);
        output.ShouldContain("Nothing to prune: no sealed batch lies wholly before ");
        (await HubProcess.RunAsync("audit", "verify", "--sqlite", Ledger)).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task When_pruning_without_a_retention_period_should_refuse()
    {
        var (exitCode, _, errors) = await HubProcess.RunAsync("audit", "prune", "--sqlite", Ledger);

        exitCode.ShouldBe(2);
        errors.ShouldContain("--retention-days");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }

    /// <summary>How many rows the demo wrote: the demo's scenarios change, the chain's arithmetic does not.</summary>
    private async Task<long> RowCountAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Ledger, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM ledger_entries";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task TamperAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Ledger, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER ledger_entries_no_update; " + sql;
        await command.ExecuteNonQueryAsync();
    }
}
