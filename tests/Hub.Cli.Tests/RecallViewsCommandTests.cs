using System.Text.Json;

namespace Hub.Cli.Tests;

/// <summary>
/// Where operators and IG leads look for recalls: <c>hub audit recalls</c>, <c>hub ops trace</c> and
/// <c>hub audit subject</c> show the recalls after a source's retraction beside those after a consent withdrawal,
/// each labelled with its cause, and name no one.
/// </summary>
public sealed class RecallViewsCommandTests(RetractedDemoLedger ledger) : IClassFixture<RetractedDemoLedger>
{
    private const string Pnc = "2023/0011872D";
    private readonly RetractedDemoLedger _ledger = ledger;

    [Fact]
    public async Task When_recalls_follow_a_withdrawal_and_a_retraction_should_list_both_each_with_its_cause()
    {
        var (exitCode, output, errors) = await HubProcess.RunAsync("audit", "recalls", "--all", "--sqlite", _ledger.LedgerPath);

        exitCode.ShouldBe(0, errors);
        output.ShouldMatch($@"recall\(s\), \d+ outstanding \([1-9]\d* after a consent withdrawal, {_ledger.RetractionRecalls} after a retraction\)");
        output.ShouldContain("consent C-LEW-OPTIN-");
        output.ShouldContain($"to {_ledger.Retracted.Recipient}: retraction {_ledger.RetractionId} by {_ledger.Retracted.Source} (entered-in-error) ");
        output.ShouldContain($"delivery {_ledger.Retracted.DeliveryId}: custody.release.scheduled event {_ledger.Retracted.EventId} from {_ledger.Retracted.Source}");
        output.ShouldNotContain(Pnc);
    }

    [Fact]
    public async Task When_asked_for_json_or_one_cause_should_label_each_recall_with_its_cause()
    {
        var all = await HubProcess.RunAsync("audit", "recalls", "--all", "--format", "json", "--sqlite", _ledger.LedgerPath);
        var retractions = await HubProcess.RunAsync("audit", "recalls", "--all", "--cause", "retraction", "--format", "json", "--sqlite", _ledger.LedgerPath);

        all.ExitCode.ShouldBe(0, all.Errors);
        using var allJson = JsonDocument.Parse(all.Output);
        allJson.RootElement.EnumerateArray().Select(r => r.GetProperty("cause").GetString()).Distinct().ShouldBe(["consent-withdrawal", "retraction"], ignoreOrder: true);
        using var only = JsonDocument.Parse(retractions.Output);
        only.RootElement.EnumerateArray().Count().ShouldBe(_ledger.RetractionRecalls);
        only.RootElement.EnumerateArray().ShouldAllBe(r => r.GetProperty("cause").GetString() == "retraction");
        var recall = only.RootElement.EnumerateArray().Single(r => r.GetProperty("recipient").GetString() == _ledger.Retracted.Recipient);
        recall.GetProperty("cause").GetString().ShouldBe("retraction");
        recall.GetProperty("retraction").GetGuid().ShouldBe(_ledger.RetractionId);
        recall.GetProperty("retractionReason").GetString().ShouldBe("entered-in-error");
        recall.GetProperty("status").GetString().ShouldBe("outstanding");
        recall.TryGetProperty("consent", out _).ShouldBeFalse("a retraction's recall names no consent");
    }

    [Fact]
    public async Task When_tracing_a_retracted_event_should_show_its_recall_as_a_retraction()
    {
        var (exitCode, output, errors) = await HubProcess.RunAsync("ops", "trace", _ledger.Retracted.EventId.ToString(), "--no-broker", "--sqlite", _ledger.LedgerPath);

        exitCode.ShouldBe(0, errors);
        output.ShouldContain($"to {_ledger.Retracted.Recipient}: retraction {_ledger.RetractionId} by {_ledger.Retracted.Source} (entered-in-error) ");
        output.ShouldContain($"OUTSTANDING: {_ledger.Retracted.Recipient} has not acknowledged it");
        output.ShouldNotContain(Pnc);
    }

    [Fact]
    public async Task When_reporting_on_the_person_should_show_the_retraction_recall_beside_why_the_withdrawal_did_not_recall_it()
    {
        var json = await HubProcess.RunAsync("audit", "subject", "--pnc-id", Pnc, "--sqlite", _ledger.LedgerPath, "--format", "json");
        var html = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_ledger.LedgerPath)!, "report.html");
        var page = await HubProcess.RunAsync("audit", "subject", "--pnc-id", Pnc, "--sqlite", _ledger.LedgerPath, "--format", "html", "--out", html);

        json.ExitCode.ShouldBe(0, json.Errors);
        page.ExitCode.ShouldBe(0, page.Errors);
        using var report = JsonDocument.Parse(json.Output);
        var decision = report.RootElement.GetProperty("decisions").EnumerateArray().Single(d => d.TryGetProperty("deliveryId", out var id) && id.GetGuid() == _ledger.Retracted.DeliveryId);
        var retraction = decision.GetProperty("retractionRecalls").EnumerateArray().ShouldHaveSingleItem();
        (retraction.GetProperty("cause").GetString(), retraction.GetProperty("status").GetString()).ShouldBe(("retraction", "outstanding"));
        retraction.GetProperty("explanation").GetString()!.ShouldStartWith($"{_ledger.Retracted.Source} retracted the event (entered-in-error) in retraction {_ledger.RetractionId}; ");
        var withdrawal = decision.GetProperty("recall");
        (withdrawal.GetProperty("cause").GetString(), withdrawal.GetProperty("status").GetString()).ShouldBe(("consent-withdrawal", "not-recalled"), "a statutory disclosure: the withdrawal did not recall it");
        report.RootElement.GetProperty("decisions").EnumerateArray()
            .Where(d => d.TryGetProperty("recall", out var r) && r.GetProperty("status").GetString() == "acknowledged")
            .ShouldAllBe(d => d.GetProperty("recall").GetProperty("cause").GetString() == "consent-withdrawal");
        report.RootElement.GetProperty("decisions").EnumerateArray()
            .Count(d => d.TryGetProperty("recall", out var r) && r.GetProperty("status").GetString() == "acknowledged")
            .ShouldBeGreaterThan(0, "the withdrawal's own recalls are still there, acknowledged");
        var text = await File.ReadAllTextAsync(html);
        text = System.Net.WebUtility.HtmlDecode(text);
        text.ShouldContain("Erasure after the sender withdrew the record</th>");
        text.ShouldContain("Erasure asked for: the recipient has not yet confirmed it");
        text.ShouldContain("Erasure after a consent withdrawal</th>");
        text.ShouldContain("Not recalled (shared under law, not on consent)");
        json.Output.ShouldNotContain(Pnc);
    }
}
