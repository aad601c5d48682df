namespace Hub.Cli.Tests;

/// <summary>
/// <c>hub audit subject</c> on the ledger the README's run command leaves behind: the AS-09 person's report lists
/// their disclosures, denials and recalls, and never the identifiers it was searched by.
/// </summary>
public sealed class SubjectReportCommandTests : IDisposable
{
    private const string Pnc = "2023/0011872D";
    private const string Nino = "JY975310A";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agencyhub-cli-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");

    [Fact]
    public async Task When_asked_for_html_should_write_a_self_contained_report_of_every_decision_without_identifiers()
    {
        var ledger = await DemoLedgerAsync();
        var report = Path.Combine(_folder, "report.html");

        var (exitCode, _, errors) = await HubProcess.RunAsync("audit", "subject", "--pnc-id", Pnc, "--sqlite", ledger, "--format", "html", "--out", report);

        exitCode.ShouldBe(0, errors);
        var html = await File.ReadAllTextAsync(report);
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("Shared</span> with");
        html.ShouldContain("Not shared</span> with");
        html.ShouldContain("DSA-009@");
        html.ShouldContain("Withdrawn");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain(Pnc);
        html.ShouldNotContain(Nino);
    }

    [Fact]
    public async Task When_searched_by_another_identifier_of_the_same_person_should_find_the_same_decisions()
    {
        var ledger = await DemoLedgerAsync();

        var byPnc = await HubProcess.RunAsync("audit", "subject", "--pnc-id", Pnc, "--sqlite", ledger, "--format", "json");
        var byNino = await HubProcess.RunAsync("audit", "subject", "--nino", Nino, "--sqlite", ledger, "--format", "json");

        byPnc.ExitCode.ShouldBe(0, byPnc.Errors);
        byNino.ExitCode.ShouldBe(0, byNino.Errors);
        using var pnc = System.Text.Json.JsonDocument.Parse(byPnc.Output);
        using var nino = System.Text.Json.JsonDocument.Parse(byNino.Output);
        var decisions = pnc.RootElement.GetProperty("decisions");
        decisions.GetArrayLength().ShouldBeGreaterThan(0);
        nino.RootElement.GetProperty("decisions").GetArrayLength().ShouldBe(decisions.GetArrayLength());
        byPnc.Output.ShouldNotContain(Pnc);
    }

    [Fact]
    public async Task When_the_subject_key_is_missing_should_refuse_with_a_clear_message()
    {
        var ledger = await DemoLedgerAsync();
        File.Delete(Path.Combine(_folder, "subject.key"));

        var (exitCode, output, errors) = await HubProcess.RunAsync("audit", "subject", "--pnc-id", Pnc, "--sqlite", ledger);

        exitCode.ShouldNotBe(0);
        output.ShouldBeEmpty();
        errors.ShouldContain("subject key");
        errors.ShouldNotContain(Pnc);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task<string> DemoLedgerAsync()
    {
        var ledger = Path.Combine(_folder, "ledger.db");
        var (exitCode, _, errors) = await HubProcess.RunAsync("demo", "--ledger", ledger, "--agreements", _agreements);
        exitCode.ShouldBe(0, errors);
        return ledger;
    }
}
