using System.Text.Json;

namespace Hub.Cli.Tests.Json;

/// <summary><c>hub rules lint|test|explain|diff --format json</c> on the shipped samples and on edited copies: one parseable document each, same exit codes.</summary>
public sealed class RulesJsonTests : IDisposable
{
    private readonly string _agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
    private readonly string _cases = Path.Combine(AppContext.BaseDirectory, "samples", "cases");
    private readonly SampleCopies _copies = new();

    [Fact]
    public async Task When_linting_a_misspelt_field_as_json_should_locate_it_in_the_document_and_exit_1()
    {
        var folder = _copies.Agreements(text => text.Replace("fields: [subject.nino, releaseDate,", "fields: [subject.nino, releaseDte,", StringComparison.Ordinal));

        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "lint", folder, "--format", "json");

        exitCode.ShouldBe(1, errors);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        root.GetProperty("schema").GetString().ShouldBe("agencyhub.rules.lint/1");
        root.GetProperty("directory").GetString().ShouldBe(folder);
        root.GetProperty("errors").GetInt32().ShouldBe(1);
        root.GetProperty("refused").EnumerateArray().Select(f => f.GetString()).ShouldBe(["dsa-001-release-notification.yaml"]);
        var error = root.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("severity").GetString() == "error");
        error.GetProperty("file").GetString().ShouldBe("dsa-001-release-notification.yaml");
        var lines = File.ReadAllLines(Path.Combine(folder, "dsa-001-release-notification.yaml"));
        error.GetProperty("line").GetInt32().ShouldBe(Array.FindIndex(lines, l => l.Contains("releaseDte", StringComparison.Ordinal)) + 1);
        error.GetProperty("message").GetString()!.ShouldContain("field 'releaseDte' does not exist");
    }

    [Fact]
    public async Task When_linting_the_samples_as_json_should_count_what_the_text_format_counts()
    {
        var text = await HubProcess.RunAsync("rules", "lint", _agreements);
        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "lint", _agreements, "--format", "json");

        exitCode.ShouldBe(0, errors);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        root.GetProperty("loaded").GetBoolean().ShouldBeTrue();
        root.GetProperty("diagnostics").GetArrayLength().ShouldBe(0);
        text.Output.ShouldContain($"{root.GetProperty("agreements").GetInt32()} agreements, {root.GetProperty("flows").GetInt32()} flows; 0 error(s), 0 warning(s)");
    }

    [Fact]
    public async Task When_a_change_breaks_a_case_should_give_the_expected_and_the_actual_decision_per_recipient()
    {
        var folder = _copies.Agreements(text => text.Replace("fields: [subject.pncId, releaseDate,", "fields: [subject.pncId, subject.nino, releaseDate,", StringComparison.Ordinal));

        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "test", folder, _cases, "--format", "json");

        exitCode.ShouldBe(1, errors);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        root.GetProperty("schema").GetString().ShouldBe("agencyhub.rules.test/1");
        root.GetProperty("cases").GetInt32().ShouldBe(72);
        root.GetProperty("failed").GetInt32().ShouldBeGreaterThan(0);
        (root.GetProperty("passed").GetInt32() + root.GetProperty("failed").GetInt32()).ShouldBe(72);
        var failing = root.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "AS-01 release notice fans out with per-purpose fields");
        failing.GetProperty("passed").GetBoolean().ShouldBeFalse();
        var police = failing.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("recipient").GetString() == "police");
        police.GetProperty("passed").GetBoolean().ShouldBeFalse();
        police.GetProperty("expected").GetProperty("decision").GetString().ShouldBe("allow");
        police.GetProperty("actual").GetProperty("decision").GetString().ShouldBe("allow");
        police.GetProperty("actual").GetProperty("releasedFields").EnumerateArray().Select(f => f.GetString()).ShouldContain("subject.nino");
        police.GetProperty("differences").EnumerateArray().Single().GetString().ShouldBe("police: released fields differ: missing [], unexpected [subject.nino]");
        failing.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("recipient").GetString() != "police").ShouldAllBe(c => c.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task When_explaining_an_event_as_json_should_give_every_candidate_its_decision_and_reasons()
    {
        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "explain", "--event", Path.Combine(_cases, "as-15-hospital-discharge.cases.yaml"), "--agreements", _agreements, "--format", "json");

        exitCode.ShouldBe(0, errors);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        root.GetProperty("schema").GetString().ShouldBe("agencyhub.rules.explain/1");
        var first = root.GetProperty("events")[0];
        first.GetProperty("eventType").GetString().ShouldBe("health.discharge.planned");
        first.GetProperty("source").GetString().ShouldBe("nhs");
        var decisions = first.GetProperty("decisions").EnumerateArray().ToDictionary(d => d.GetProperty("recipient").GetString()!);
        decisions["police"].GetProperty("decision").GetString().ShouldBe("deny");
        decisions["police"].GetProperty("reasons").EnumerateArray().ShouldContain(r => r.GetString()!.StartsWith("DSA-015@1 flow F9-no-health-to-police forbids health.discharge.planned from nhs to police", StringComparison.Ordinal));
        decisions["council"].GetProperty("decision").GetString().ShouldBe("allow");
        decisions["council"].GetProperty("flowId").GetString().ShouldBe("F1-asc-discharge");
        decisions["council"].GetProperty("footing").GetString().ShouldNotBe("none");
        decisions["council"].GetProperty("withheldFields").EnumerateArray().Select(f => f.GetString()).ShouldBe(["clinicalSummary", "encounterId"]);
        output.ShouldNotContain("Sample Close", Case.Sensitive);
    }

    [Fact]
    public async Task When_diffing_as_json_should_list_the_rule_change_and_every_case_that_flips()
    {
        var folder = _copies.Agreements(text => text.Replace("fields: [subject.nino, releaseDate, previousReleaseDate, establishment, addressOnRelease, supersedesEventId]", "fields: [subject.nino, releaseDate, previousReleaseDate, establishment, supersedesEventId]", StringComparison.Ordinal));

        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "diff", _agreements, folder, "--cases", _cases, "--format", "json");

        exitCode.ShouldBe(0, errors);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        root.GetProperty("schema").GetString().ShouldBe("agencyhub.rules.diff/1");
        root.GetProperty("before").GetString().ShouldNotBe(root.GetProperty("after").GetString());
        root.GetProperty("changes").GetArrayLength().ShouldBe(2);
        var change = root.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("eventType").GetString() == "custody.release.scheduled");
        change.GetProperty("source").GetString().ShouldBe("probation");
        change.GetProperty("recipient").GetString().ShouldBe("jcp");
        change.GetProperty("change").GetString().ShouldBe("fields now withheld: addressOnRelease (DSA-001@4 flow F3-jcp-benefit-continuity)");
        root.GetProperty("flips").GetArrayLength().ShouldBe(6);
        var flip = root.GetProperty("flips").EnumerateArray().First(f => f.GetProperty("case").GetString() == "AS-01 release notice fans out with per-purpose fields");
        flip.GetProperty("recipient").GetString().ShouldBe("jcp");
        flip.GetProperty("was").GetString().ShouldBe("allow");
        flip.GetProperty("becomes").GetString().ShouldBe("allow");
        flip.GetProperty("fieldsRemoved").EnumerateArray().Select(f => f.GetString()).ShouldBe(["addressOnRelease"]);
    }

    public void Dispose() => _copies.Dispose();
}
