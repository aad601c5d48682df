using Hub.Router.Ledger;

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
        html.ShouldContain("Shared</span>");
        html.ShouldContain("Not shared</span>");
        html.ShouldContain("DSA-009@");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("http://", Case.Insensitive, "self-contained: nothing is fetched");
        html.ShouldNotContain(Pnc);
        html.ShouldNotContain(Nino);
    }

    [Fact]
    public async Task When_an_ig_lead_reads_the_html_should_find_plain_words_a_summary_uk_times_consents_apart_and_the_rights()
    {
        var ledger = await DemoLedgerAsync();
        var report = Path.Combine(_folder, "report.html");

        var (exitCode, _, errors) = await HubProcess.RunAsync("audit", "subject", "--pnc-id", Pnc, "--sqlite", ledger, "--format", "html", "--out", report);

        exitCode.ShouldBe(0, errors);
        var html = System.Net.WebUtility.HtmlDecode(await File.ReadAllTextAsync(report));
        html.ShouldContain("<h2>Summary</h2>");
        html.ShouldContain("<th scope=\"col\">Who received it</th>");
        html.ShouldContain("the Probation Service");
        html.ShouldContain("a prison release notice");
        html.ShouldContain("Supervising and managing offenders");
        html.ShouldContain("Release date");
        html.ShouldMatch(@"\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d:\d\d (GMT \(\+00:00\)|BST \(\+01:00\))", "UK time with its offset");
        html.ShouldNotContain("Z</td>", customMessage: "no raw UTC instants");
        html.IndexOf("<h2>Consents you gave</h2>", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("<h2>Each decision in full</h2>", StringComparison.Ordinal));
        html.ShouldContain("Information Commissioner");
        html.ShouldContain("Draft: not ready to send.");
        errors.ShouldContain("marked as a draft");
    }

    [Fact]
    public async Task When_the_controller_is_configured_should_name_it_and_its_dpo_and_encode_what_it_was_given()
    {
        var ledger = await DemoLedgerAsync();
        var report = Path.Combine(_folder, "report.html");
        var issuer = new Dictionary<string, string>
        {
            ["AGENCYHUB_REPORT_CONTROLLER"] = "London Borough of Lewisham <script>alert(1)</script>",
            ["AGENCYHUB_REPORT_DPO_CONTACT"] = "dpo@lewisham.example & 020 0000 0000",
        };

        var (exitCode, _, errors) = await HubProcess.RunAsync(issuer, "audit", "subject", "--pnc-id", Pnc, "--sqlite", ledger, "--format", "html", "--out", report);

        exitCode.ShouldBe(0, errors);
        var html = await File.ReadAllTextAsync(report);
        html.ShouldContain("From London Borough of Lewisham &lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("dpo@lewisham.example &amp; 020 0000 0000");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("Draft: not ready to send.");
        errors.ShouldNotContain("draft");
    }

    [Fact]
    public async Task When_asked_for_a_pdf_should_print_the_report_with_headless_chromium()
    {
        Hub.Reports.Rendering.PdfPrinter.FindChromium().ShouldNotBeNull("Chromium is needed for the PDF (scripts/test.sh installs the Debian package chromium)");
        var ledger = await DemoLedgerAsync();
        var report = Path.Combine(_folder, "report.pdf");

        var (exitCode, _, errors) = await HubProcess.RunAsync("audit", "subject", "--pnc-id", Pnc, "--sqlite", ledger, "--format", "pdf", "--out", report);

        exitCode.ShouldBe(0, errors);
        var bytes = await File.ReadAllBytesAsync(report);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        bytes.Length.ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public async Task When_a_pdf_is_asked_for_without_chromium_should_say_how_to_get_it()
    {
        var ledger = await DemoLedgerAsync();

        var (exitCode, _, errors) = await HubProcess.RunAsync(new Dictionary<string, string> { ["AGENCYHUB_CHROMIUM"] = "/nonexistent/chromium" }, "audit", "subject", "--pnc-id", Pnc, "--sqlite", ledger, "--format", "pdf", "--out", Path.Combine(_folder, "r.pdf"));

        exitCode.ShouldBe(2);
        errors.Trim().ShouldBe("--format pdf needs Chromium: install the package chromium (Debian: apt-get install chromium), or set $AGENCYHUB_CHROMIUM to its path.");
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

    [Fact]
    public async Task When_given_a_key_the_ledger_was_not_written_under_should_refuse_naming_both_key_ids_instead_of_reporting_nothing()
    {
        var ledger = await DemoLedgerAsync();
        var ledgerKeyId = SubjectKeyIds.OfBase64((await File.ReadAllTextAsync(Path.Combine(_folder, "subject.key"))).Trim());
        var otherKey = await KeyFileAsync("other.key");

        var (exitCode, output, errors) = await HubProcess.RunAsync("audit", "subject", "--pnc-id", Pnc, "--sqlite", ledger, "--subject-key-file", otherKey.Path);

        exitCode.ShouldBe(3, errors);
        output.ShouldBeEmpty();
        errors.ShouldContain($"the ledger's rows were written under subject key id {ledgerKeyId}; the key given has id {otherKey.Id}");
        errors.ShouldNotContain(Pnc);
    }

    [Fact]
    public async Task When_the_ledger_holds_rows_under_a_rotated_key_should_report_what_the_key_finds_and_name_the_ids_not_searched()
    {
        var ledger = await DemoLedgerAsync();
        var ledgerKeyId = SubjectKeyIds.OfBase64((await File.ReadAllTextAsync(Path.Combine(_folder, "subject.key"))).Trim());
        const string Rotated = "aaaaaaaaaaaaaaaa";
        await ExecuteAsync(ledger, $"DROP TRIGGER IF EXISTS ledger_entries_no_update; UPDATE ledger_entries SET subject_key_id = '{Rotated}' WHERE seq % 2 = 0 AND subject_key_id IS NOT NULL");
        var otherKey = await KeyFileAsync("other.key");

        var withLedgerKey = await HubProcess.RunAsync("audit", "subject", "--pnc-id", Pnc, "--sqlite", ledger, "--format", "json");
        var withOtherKey = await HubProcess.RunAsync("audit", "subject", "--pnc-id", Pnc, "--sqlite", ledger, "--subject-key-file", otherKey.Path);

        withLedgerKey.ExitCode.ShouldBe(0, withLedgerKey.Errors);
        withLedgerKey.Errors.ShouldContain($"Rows written under subject key id(s) {Rotated} were not searched");
        using var report = System.Text.Json.JsonDocument.Parse(withLedgerKey.Output);
        report.RootElement.GetProperty("subjectKeyIdsSearched").EnumerateArray().Select(e => e.GetString()).ShouldBe([ledgerKeyId]);
        report.RootElement.GetProperty("subjectKeyIdsNotSearched").EnumerateArray().Select(e => e.GetString()).ShouldBe([Rotated]);
        withOtherKey.ExitCode.ShouldBe(3);
        withOtherKey.Errors.ShouldContain($"subject key ids {string.Join(", ", new[] { ledgerKeyId, Rotated }.Order(StringComparer.Ordinal))} (the key was rotated); the key given has id {otherKey.Id}");
    }

    [Fact]
    public async Task When_a_share_was_refused_under_an_agreement_should_say_which_in_the_report()
    {
        var ledger = await DemoLedgerAsync();

        var (exitCode, output, errors) = await HubProcess.RunAsync("audit", "subject", "--pnc-id", Pnc, "--sqlite", ledger, "--format", "json");

        exitCode.ShouldBe(0, errors);
        using var report = System.Text.Json.JsonDocument.Parse(output);
        var denials = report.RootElement.GetProperty("decisions").EnumerateArray().Where(d => d.GetProperty("outcome").GetString() == "denied").ToList();
        denials.ShouldNotBeEmpty();
        denials.Any(d => d.TryGetProperty("agreement", out _) && d.TryGetProperty("purpose", out _) && d.TryGetProperty("lawfulBasis", out _)).ShouldBeTrue(output);
    }

    [Fact]
    public async Task When_the_identifier_comes_from_a_file_or_the_environment_should_report_what_the_option_reports()
    {
        var ledger = await DemoLedgerAsync();
        var file = Path.Combine(_folder, "pnc.txt");
        await File.WriteAllTextAsync(file, Pnc + "\n");

        var byOption = await HubProcess.RunAsync("audit", "subject", "--pnc-id", Pnc, "--sqlite", ledger, "--format", "json");
        var byFile = await HubProcess.RunAsync("audit", "subject", "--pnc-id-file", file, "--sqlite", ledger, "--format", "json");
        var byVariable = await HubProcess.RunAsync(new Dictionary<string, string> { ["AGENCYHUB_SUBJECT_PNC_ID"] = Pnc }, "audit", "subject", "--sqlite", ledger, "--format", "json");

        byOption.ExitCode.ShouldBe(0, byOption.Errors);
        byFile.ExitCode.ShouldBe(0, byFile.Errors);
        byVariable.ExitCode.ShouldBe(0, byVariable.Errors);
        byVariable.Errors.ShouldContain("Reading --pnc-id from $AGENCYHUB_SUBJECT_PNC_ID");
        var decisions = DecisionCount(byOption.Output);
        decisions.ShouldBeGreaterThan(0);
        DecisionCount(byFile.Output).ShouldBe(decisions);
        DecisionCount(byVariable.Output).ShouldBe(decisions);
        (byFile.Errors + byVariable.Errors).ShouldNotContain(Pnc);
    }

    [Fact]
    public async Task When_an_identifier_is_on_the_command_line_should_not_also_search_one_left_in_the_environment()
    {
        var ledger = await DemoLedgerAsync();

        // Were the variable read as well, its malformed value would stop the command (exit 2).
        var (exitCode, _, errors) = await HubProcess.RunAsync(new Dictionary<string, string> { ["AGENCYHUB_SUBJECT_NINO"] = "not-a-nino" }, "audit", "subject", "--pnc-id", Pnc, "--sqlite", ledger, "--format", "json");

        exitCode.ShouldBe(0, errors);
        errors.ShouldNotContain("AGENCYHUB_SUBJECT_NINO");
    }

    [Fact]
    public async Task When_both_an_identifier_and_its_file_are_given_should_refuse_without_echoing_either()
    {
        var file = Path.Combine(Directory.CreateDirectory(_folder).FullName, "pnc.txt");
        await File.WriteAllTextAsync(file, Pnc);

        var (exitCode, _, errors) = await HubProcess.RunAsync("audit", "subject", "--pnc-id", Pnc, "--pnc-id-file", file);

        exitCode.ShouldBe(2);
        errors.ShouldContain("Give --pnc-id or --pnc-id-file, not both.");
        errors.ShouldNotContain(Pnc);
    }

    [Fact]
    public async Task When_an_identifier_file_is_larger_than_any_identifier_should_refuse_it_unread()
    {
        var file = Path.Combine(Directory.CreateDirectory(_folder).FullName, "huge.txt");
        await File.WriteAllTextAsync(file, Pnc + new string(' ', 100_000));

        var (exitCode, _, errors) = await HubProcess.RunAsync("audit", "subject", "--pnc-id-file", file);

        exitCode.ShouldBe(2);
        errors.ShouldContain($"{file} is {new FileInfo(file).Length} bytes; at most 65536 are read");
        errors.ShouldNotContain(Pnc);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int DecisionCount(string json)
    {
        using var report = System.Text.Json.JsonDocument.Parse(json);
        return report.RootElement.GetProperty("decisions").GetArrayLength();
    }

    private static async Task ExecuteAsync(string ledger, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = ledger, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<(string Path, string Id)> KeyFileAsync(string name)
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, key);
        return (path, SubjectKeyIds.OfBase64(key));
    }

    private async Task<string> DemoLedgerAsync()
    {
        var ledger = Path.Combine(_folder, "ledger.db");
        var (exitCode, _, errors) = await HubProcess.RunAsync("demo", "--ledger", ledger, "--agreements", _agreements);
        exitCode.ShouldBe(0, errors);
        return ledger;
    }
}
