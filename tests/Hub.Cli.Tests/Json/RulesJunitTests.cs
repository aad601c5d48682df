using System.Text.Json;
using System.Xml.Linq;

namespace Hub.Cli.Tests.Json;

/// <summary><c>hub rules test --junit FILE</c>: JUnit XML a CI server reads, beside either format, and the same exit codes.</summary>
public sealed class RulesJunitTests : IDisposable
{
    private readonly string _cases = Path.Combine(AppContext.BaseDirectory, "samples", "cases");
    private readonly SampleCopies _copies = new();
    private readonly string _reports = Directory.CreateTempSubdirectory("agencyhub-junit-").FullName;

    [Fact]
    public async Task When_a_change_breaks_a_case_should_write_a_suite_per_case_file_and_the_failure_with_expected_and_actual()
    {
        var folder = _copies.Agreements(text => text.Replace("fields: [subject.pncId, releaseDate,", "fields: [subject.pncId, subject.nino, releaseDate,", StringComparison.Ordinal));
        var report = Path.Combine(_reports, "rules.xml");
        File.WriteAllText(report, "an older report, replaced whole");

        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "test", folder, _cases, "--junit", report);

        exitCode.ShouldBe(1, errors);
        output.ShouldContain("FAIL  AS-01 release notice fans out with per-purpose fields");
        var root = XDocument.Load(report).Root!;
        root.Name.LocalName.ShouldBe("testsuites");
        var suites = root.Elements("testsuite").ToList();
        suites.Select(s => (string)s.Attribute("name")!).ShouldBe(Directory.GetFiles(_cases, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal), ignoreOrder: true);
        var cases = suites.SelectMany(s => s.Elements("testcase")).ToList();
        cases.Count.ShouldBe(72);
        ((int)root.Attribute("tests")!).ShouldBe(72);
        suites.ShouldAllBe(s => (int)s.Attribute("tests")! == s.Elements("testcase").Count() && (int)s.Attribute("failures")! == s.Elements("testcase").Count(c => c.Element("failure") != null));
        var failed = cases.Where(c => c.Element("failure") is not null).ToList();
        ((int)root.Attribute("failures")!).ShouldBe(failed.Count);
        output.ShouldContain($"72 case(s): {72 - failed.Count} passed, {failed.Count} failed");
        var failure = failed.Single(c => (string)c.Attribute("name")! == "AS-01 release notice fans out with per-purpose fields").Element("failure")!;
        ((string)failure.Attribute("message")!).ShouldBe("police: released fields differ: missing [], unexpected [subject.nino]");
        failure.Value.ShouldContain("police: expected allow, fields [");
        failure.Value.ShouldContain("police: actual allow, fields [addressOnRelease, cohortTier, establishment, releaseDate, resettlementArea, sentenceBand, subject.nino, subject.pncId]");
        failure.Value.ShouldContain("reason: permitted by DSA-001@4 flow F1-police-iom for purpose offender-management");
        Directory.GetFiles(_reports).ShouldBe([report], "the temporary file is moved over the report");
    }

    [Fact]
    public async Task When_every_case_passes_with_json_should_write_both_and_agree_on_the_counts()
    {
        var report = Path.Combine(_reports, "passing.xml");

        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "test", Path.Combine(AppContext.BaseDirectory, "samples", "agreements"), _cases, "--format", "json", "--junit", report);

        exitCode.ShouldBe(0, errors);
        using var document = JsonDocument.Parse(output);
        var root = XDocument.Load(report).Root!;
        ((int)root.Attribute("tests")!).ShouldBe(document.RootElement.GetProperty("cases").GetInt32());
        ((int)root.Attribute("failures")!).ShouldBe(0);
        root.Descendants("failure").ShouldBeEmpty();
        root.Elements("testsuite").Select(s => s.Element("properties")!.Element("property")!.Attribute("value")!.Value).Distinct().ShouldBe([document.RootElement.GetProperty("agreementSet").GetString()]);
    }

    [Fact]
    public async Task When_the_report_folder_does_not_exist_should_say_so_in_one_line_and_exit_2()
    {
        var report = Path.Combine(_reports, "missing", "rules.xml");

        var (exitCode, _, errors) = await HubProcess.RunAsync("rules", "test", Path.Combine(AppContext.BaseDirectory, "samples", "agreements"), _cases, "--junit", report);

        exitCode.ShouldBe(2);
        errors.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("Check the path.");
    }

    public void Dispose()
    {
        _copies.Dispose();
        Directory.Delete(_reports, recursive: true);
    }
}
