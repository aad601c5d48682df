using System.Text.Json;

namespace Hub.Cli.Tests;

/// <summary>
/// <c>hub rules replay</c> over the ledger <c>hub demo</c> leaves behind: the agreements in force replay to no change;
/// a draft that narrows a flow shows the recipient's decisions that would flip; a draft whose condition reads a payload
/// value the ledger does not hold reports those decisions as undecided rather than guess, as does an event its source
/// had retracted before it was decided.
/// </summary>
public sealed class RulesReplayCommandTests : IDisposable
{
    private const string PoliceFields = "fields: [subject.pncId, releaseDate, previousReleaseDate, establishment, sentenceBand, resettlementArea, addressOnRelease, cohortTier, supersedesEventId, weekendRelease]";
    private const string CouncilFields = "fields: [subject.localId, releaseDate, previousReleaseDate, establishment, resettlementArea, addressOnRelease, supersedesEventId, weekendRelease]";
    private const string LewishamOnly = "\n    conditions:\n      - field: resettlementArea\n        equals: lewisham";
    private readonly string _agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
    private readonly string _scratch = Directory.CreateTempSubdirectory("agencyhub-replay-").FullName;

    [Fact]
    public async Task When_the_draft_is_the_agreements_in_force_should_replay_every_decision_unchanged()
    {
        var ledger = await DemoLedgerAsync();

        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "replay", "--draft", _agreements, "--since", "2000-01-01", "--sqlite", ledger, "--json");

        exitCode.ShouldBe(0, errors);
        using var report = JsonDocument.Parse(output);
        var decisions = report.RootElement.GetProperty("decisions").GetInt32();
        decisions.ShouldBeGreaterThan(0);
        report.RootElement.GetProperty("unchanged").GetInt32().ShouldBe(decisions, output);
        report.RootElement.GetProperty("changes").GetArrayLength().ShouldBe(0);
        report.RootElement.GetProperty("undecided").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task When_the_draft_narrows_a_flow_on_a_recorded_code_should_list_the_decisions_that_flip_recipient_by_recipient()
    {
        var ledger = await DemoLedgerAsync();
        var draft = Draft(text => text.Replace(PoliceFields + LewishamOnly, PoliceFields + LewishamOnly + "\n      - field: cohortTier\n        in: [mappa, ppo]", StringComparison.Ordinal));

        var json = await HubProcess.RunAsync("rules", "replay", "--draft", draft, "--since", "2000-01-01", "--sqlite", ledger, "--json");
        var table = await HubProcess.RunAsync("rules", "replay", "--draft", draft, "--since", "2000-01-01", "--sqlite", ledger);

        json.ExitCode.ShouldBe(0, json.Errors);
        using var report = JsonDocument.Parse(json.Output);
        var flips = report.RootElement.GetProperty("changes").EnumerateArray()
            .Where(c => c.GetProperty("recipient").GetString() == "police" && c.GetProperty("wouldBe").GetString() == "denied")
            .ToList();
        flips.ShouldHaveSingleItem(json.Output).GetProperty("flow").GetString().ShouldBe("DSA-001@4/F1-police-iom");
        flips[0].GetProperty("was").GetString().ShouldBe("allowed");
        flips[0].GetProperty("eventType").GetString().ShouldBe("custody.release.scheduled");
        flips[0].GetProperty("count").GetInt32().ShouldBeGreaterThan(0);
        report.RootElement.GetProperty("changes").EnumerateArray().ShouldAllBe(c => c.GetProperty("recipient").GetString() == "police", json.Output);
        table.ExitCode.ShouldBe(0, table.Errors);
        table.Output.ShouldContain("RECIPIENT");
        table.Output.ShouldContain("allowed -> denied");
    }

    [Fact]
    public async Task When_the_draft_reads_a_payload_value_the_ledger_does_not_hold_should_report_the_decisions_as_undecided()
    {
        var ledger = await DemoLedgerAsync();
        var draft = Draft(text => text.Replace(CouncilFields + LewishamOnly, CouncilFields + LewishamOnly + "\n      - field: establishment\n        equals: HMP Fictional", StringComparison.Ordinal));

        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "replay", "--draft", draft, "--since", "2000-01-01", "--sqlite", ledger, "--json");

        exitCode.ShouldBe(0, errors);
        using var report = JsonDocument.Parse(output);
        var undecided = report.RootElement.GetProperty("undecided").EnumerateArray().ShouldHaveSingleItem(output);
        undecided.GetProperty("recipient").GetString().ShouldBe("council");
        undecided.GetProperty("reason").GetString().ShouldBe("depends on payload field establishment, not recorded");
        report.RootElement.GetProperty("changes").GetArrayLength().ShouldBe(0);
        output.ShouldNotContain("HMP Fictional");
    }

    [Fact]
    public async Task When_an_event_was_retracted_before_it_was_decided_should_report_it_as_undecided_not_as_changes()
    {
        var ledger = await DemoLedgerAsync();
        await RetractedFirstEvent.AppendAsync(ledger, "custody.release.scheduled");

        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "replay", "--draft", _agreements, "--since", "2000-01-01", "--sqlite", ledger, "--json");

        exitCode.ShouldBe(0, errors);
        using var report = JsonDocument.Parse(output);
        report.RootElement.GetProperty("changes").GetArrayLength().ShouldBe(0, "the agreements in force would have allowed it, but its source had taken it back");
        var undecided = report.RootElement.GetProperty("undecided").EnumerateArray().ToList();
        undecided.ShouldNotBeEmpty(output);
        undecided.ShouldAllBe(u => u.GetProperty("reason").GetString() == "retracted by its source before it was decided: shared with no one whatever the agreements say");
    }

    [Fact]
    public async Task When_the_window_holds_no_decision_should_replay_nothing()
    {
        var ledger = await DemoLedgerAsync();

        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "replay", "--draft", _agreements, "--since", "2000-01-01", "--until", "2000-02-01", "--sqlite", ledger);

        exitCode.ShouldBe(0, errors);
        output.ShouldContain("Replayed 0 recorded decision(s) of 0 event(s)");
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private string Draft(Func<string, string> edit)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_scratch, "draft-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        foreach (var file in Directory.GetFiles(_agreements, "*.yaml"))
        {
            var text = File.ReadAllText(file);
            var edited = Path.GetFileName(file) == "dsa-001-release-notification.yaml" ? edit(text) : text;
            if (Path.GetFileName(file) == "dsa-001-release-notification.yaml")
            {
                edited.ShouldNotBe(text, "the draft's edit must apply");
            }

            File.WriteAllText(Path.Combine(folder, Path.GetFileName(file)), edited);
        }

        return folder;
    }

    private async Task<string> DemoLedgerAsync()
    {
        var ledger = Path.Combine(_scratch, "demo-" + Guid.NewGuid().ToString("N")[..6], "ledger.db");
        var (exitCode, _, errors) = await HubProcess.RunAsync("demo", "--ledger", ledger, "--agreements", _agreements);
        exitCode.ShouldBe(0, errors);
        return ledger;
    }
}
