using System.Text.Json;

namespace Hub.Cli.Tests.Json;

/// <summary><c>hub simulate --format json</c> in each mode: counts as data, matching what was written and decided.</summary>
public sealed class SimulateJsonTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "agencyhub-simulate-json-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task When_dry_run_as_json_should_give_the_weekly_plan_whose_weeks_add_up_to_the_totals()
    {
        var (exitCode, output, errors) = await HubProcess.RunAsync("simulate", "--days", "14", "--start", "2026-11-23", "--dry-run", "--format", "json");

        exitCode.ShouldBe(0, errors);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        root.GetProperty("schema").GetString().ShouldBe("agencyhub.simulate/1");
        root.GetProperty("mode").GetString().ShouldBe("dry-run");
        root.GetProperty("settings").GetProperty("start").GetString().ShouldBe("2026-11-23");
        root.GetProperty("weeks").EnumerateArray().Select(w => w.GetProperty("weekOf").GetString()).ShouldBe(["2026-11-23", "2026-11-30"]);
        var total = root.GetProperty("records").GetProperty("release-notice").GetInt32();
        total.ShouldBeGreaterThan(0);
        root.GetProperty("weeks").EnumerateArray().Sum(w => w.GetProperty("records").GetProperty("release-notice").GetInt32()).ShouldBe(total);
    }

    [Fact]
    public async Task When_writing_drop_folders_as_json_should_count_the_files_it_wrote()
    {
        var (exitCode, output, errors) = await HubProcess.RunAsync("simulate", "--days", "7", "--start", "2026-11-23", "--drop-root", _root, "--speedup", "100000000", "--format", "json");

        exitCode.ShouldBe(0, errors);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        root.GetProperty("mode").GetString().ShouldBe("drop-folder");
        root.GetProperty("batch").GetString().ShouldBe("day");
        var days = root.GetProperty("days").EnumerateArray().ToList();
        days.Select(d => DateOnly.Parse(d.GetProperty("day").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ShouldAllBe(d => d >= new DateOnly(2026, 11, 23) && d < new DateOnly(2026, 11, 30));
        foreach (var kind in root.GetProperty("records").EnumerateObject())
        {
            days.Sum(d => d.GetProperty("records").GetProperty(kind.Name).GetInt32()).ShouldBe(kind.Value.GetInt32(), kind.Name);
        }

        root.GetProperty("records").GetProperty("release-notice").GetInt32().ShouldBeGreaterThan(0);
        foreach (var agency in new[] { "probation", "council", "jcp" })
        {
            root.GetProperty("files").GetProperty(agency).GetInt32().ShouldBe(Directory.GetFiles(Path.Combine(_root, agency, "inbox")).Length);
        }
    }

    [Fact]
    public async Task When_embedded_as_json_should_count_published_rows_and_the_routers_decisions()
    {
        var (exitCode, output, errors) = await HubProcess.RunAsync(
            "simulate", "--embedded", "--days", "7", "--start", "2026-11-23", "--drop-root", _root, "--ledger", Path.Combine(_root, "ledger.db"),
            "--agreements", Path.Combine(AppContext.BaseDirectory, "samples", "agreements"), "--format", "json");

        exitCode.ShouldBe(0, errors);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        root.GetProperty("mode").GetString().ShouldBe("embedded");
        var releases = root.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "release-list");
        releases.GetProperty("published").GetInt32().ShouldBe(releases.GetProperty("rows").GetInt32());
        releases.GetProperty("files").GetInt32().ShouldBe(Directory.GetFiles(Path.Combine(_root, "probation", "done"), "release-list-*.csv").Length);
        var decisions = root.GetProperty("decisions");
        decisions.GetProperty("rows").GetInt32().ShouldBe(decisions.GetProperty("expected").GetInt32());
        decisions.GetProperty("allowed").GetInt32().ShouldBe(decisions.GetProperty("allowedBy").EnumerateArray().Sum(g => g.GetProperty("count").GetInt32()));
        decisions.GetProperty("allowedBy").EnumerateArray().ShouldContain(g => g.GetProperty("recipient").GetString() == "police" && g.GetProperty("flowId").GetString() == "F1-police-iom");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
