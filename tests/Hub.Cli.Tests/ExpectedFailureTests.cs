namespace Hub.Cli.Tests;

/// <summary>
/// A failure the user can fix ends in one line on stderr saying what is wrong and what to do, and exit 2: never a
/// stack trace (issue 16 point 3). One case per command that can meet one.
/// </summary>
public sealed class ExpectedFailureTests
{
    /// <summary>A port nothing listens on: the database is unreachable.</summary>
    private const string Unreachable = "Host=127.0.0.1;Port=1;Username=auditor;Password=not-a-placeholder-7c1e;Database=agencyhub;Timeout=3";

    public static TheoryData<string[], string> Failures() => new()
    {
        { ["rules", "diff", "/nonexistent/old", "/nonexistent/new"], "The agreements do not load" },
        { ["rules", "test", "/nonexistent/agreements", "/nonexistent/cases"], "The agreements do not load" },
        { ["rules", "lint", "/nonexistent/agreements"], "agreement folder does not exist" },
        { ["audit", "verify", "--postgres", Unreachable], "Cannot read the ledger" },
        { ["audit", "recalls", "--postgres", Unreachable], "Cannot reach the ledger database" },
        { ["audit", "verify", "--sqlite", "/nonexistent/ledger.db"], "No ledger at /nonexistent/ledger.db" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task When_the_user_can_fix_the_failure_should_say_what_is_wrong_in_one_line_and_exit_2(string[] arguments, string says)
    {
        var (exitCode, output, errors) = await HubProcess.RunAsync(arguments);

        exitCode.ShouldBe(2, output + errors);
        errors.ShouldContain(says);
        errors.ShouldNotContain("Unhandled exception");
        errors.ShouldNotContain("   at ");
        errors.Trim().Split('\n').Length.ShouldBe(1, errors);
    }
}
