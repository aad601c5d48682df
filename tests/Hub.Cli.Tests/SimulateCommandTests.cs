using System.Text.RegularExpressions;

namespace Hub.Cli.Tests;

/// <summary><c>hub simulate</c> run as a user would: the real binary writing into agencies' drop folders.</summary>
public sealed partial class SimulateCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "agencyhub-simulate-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task When_a_week_is_simulated_at_a_large_speedup_should_fill_each_agency_inbox_and_print_counts()
    {
        var (exitCode, output, errors) = await HubProcess.RunAsync("simulate", "--days", "7", "--start", "2026-11-23", "--drop-root", _root, "--speedup", "100000000");

        exitCode.ShouldBe(0, errors);
        Directory.GetFiles(Path.Combine(_root, "probation", "inbox"), "release-list-*.csv").ShouldNotBeEmpty();
        Directory.GetFiles(Path.Combine(_root, "probation", "inbox"), "consents-*.csv").ShouldNotBeEmpty();
        Directory.GetFiles(Path.Combine(_root, "council", "inbox"), "housing-applications-*.json").ShouldNotBeEmpty();
        Directory.GetFiles(Path.Combine(_root, "jcp", "inbox"), "status-checks-*.csv").ShouldNotBeEmpty();
        Directory.GetFiles(_root, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        output.ShouldContain("one file per kind per simulated day");
        output.ShouldContain("2026-11-23");
        output.ShouldMatch(@"Wrote \d+ file\(s\) \(council \d+, jcp \d+, probation \d+\)");
    }

    [Fact]
    public async Task When_run_should_print_counts_but_no_identifier_name_or_address()
    {
        var (exitCode, output, _) = await HubProcess.RunAsync("simulate", "--days", "7", "--start", "2026-11-23", "--drop-root", _root, "--speedup", "100000000");

        exitCode.ShouldBe(0);
        var written = string.Concat(Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Nino().IsMatch(written).ShouldBeTrue("the files do hold identifiers");
        Nino().IsMatch(output).ShouldBeFalse();
        NhsNumber().IsMatch(output).ShouldBeFalse();
        output.ShouldNotContain("SE99");
        output.ShouldNotContain("HMP");
    }

    [Fact]
    public async Task When_dry_run_should_print_the_weekly_plan_and_write_nothing()
    {
        var (exitCode, output, errors) = await HubProcess.RunAsync("simulate", "--days", "14", "--start", "2026-11-23", "--drop-root", _root, "--dry-run");

        exitCode.ShouldBe(0, errors);
        output.ShouldContain("dry run, nothing written");
        output.ShouldContain("2026-11-23");
        output.ShouldContain("2026-11-30");
        output.ShouldContain("probation release NEW");
        Directory.Exists(_root).ShouldBeFalse();
    }

    [Fact]
    public async Task When_embedded_should_take_the_release_lists_through_the_probation_processor_and_count_router_decisions()
    {
        var agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
        var (exitCode, output, errors) = await HubProcess.RunAsync(
            "simulate", "--embedded", "--days", "7", "--start", "2026-11-23", "--drop-root", _root, "--ledger", Path.Combine(_root, "ledger.db"), "--agreements", agreements);

        exitCode.ShouldBe(0, errors);
        output.ShouldMatch(@"release-list\s+\d+ file\(s\)\s+(\d+) row\(s\)\s+\1 published\s+0 quarantined");
        output.ShouldMatch(@"Router decisions: \d+ ledger row\(s\): [1-9]\d* allowed");
        output.ShouldContain("police    custody.release.scheduled under DSA-001@4 flow F1-police-iom");
        Directory.GetFiles(Path.Combine(_root, "probation", "done"), "release-list-*.csv").ShouldNotBeEmpty();
        Nino().IsMatch(output).ShouldBeFalse();
    }

    [Fact]
    public async Task When_given_no_target_should_say_how_to_name_one()
    {
        var (exitCode, output, errors) = await HubProcess.RunAsync("simulate", "--days", "7");

        exitCode.ShouldBe(2);
        output.ShouldBeEmpty();
        errors.ShouldContain("--drop-root DIR");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [GeneratedRegex("ZX[0-9]{6}[A-D]")]
    private static partial Regex Nino();

    [GeneratedRegex("999[0-9]{7}")]
    private static partial Regex NhsNumber();
}
