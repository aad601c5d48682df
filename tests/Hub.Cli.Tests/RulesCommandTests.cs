namespace Hub.Cli.Tests;

/// <summary><c>hub rules</c> as an IG lead runs it, on the shipped samples (so CI lints and tests them) and on broken copies.</summary>
public sealed class RulesCommandTests : IDisposable
{
    private readonly string _agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
    private readonly string _cases = Path.Combine(AppContext.BaseDirectory, "samples", "cases");
    private readonly SampleCopies _copies = new();

    [Fact]
    public async Task When_linting_the_samples_should_find_nothing()
    {
        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "lint", _agreements);

        exitCode.ShouldBe(0, errors);
        output.ShouldContain("0 error(s), 0 warning(s)");
    }

    [Fact]
    public async Task When_linting_a_misspelt_field_should_locate_it_and_suggest_the_right_one()
    {
        var folder = _copies.Agreements(text => text.Replace("fields: [subject.nino, releaseDate,", "fields: [subject.nino, releaseDte,", StringComparison.Ordinal));

        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "lint", folder);

        // Where the misspelt word stands in the file, counted the way an editor counts (1-based line and column).
        var lines = File.ReadAllLines(Path.Combine(folder, "dsa-001-release-notification.yaml"));
        var line = Array.FindIndex(lines, l => l.Contains("releaseDte", StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf("releaseDte", StringComparison.Ordinal) + 1;

        exitCode.ShouldBe(1);
        errors.ShouldContain($"dsa-001-release-notification.yaml:{line}:{column}: error:");
        errors.ShouldContain("field 'releaseDte' does not exist on custody.release.scheduled or custody.release.amended (did you mean 'releaseDate'?)");
        output.ShouldContain("1 error(s)");
    }

    [Fact]
    public async Task When_testing_the_sample_case_packs_should_pass_every_case()
    {
        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "test", _agreements, _cases);

        exitCode.ShouldBe(0, output + errors);
        output.ShouldContain("PASS  AS-01 release notice fans out with per-purpose fields");
        output.ShouldContain("72 case(s): 72 passed, 0 failed");
    }

    [Fact]
    public async Task When_an_agreement_change_breaks_a_case_should_fail_with_a_readable_difference()
    {
        var folder = _copies.Agreements(text => text.Replace("fields: [subject.pncId, releaseDate,", "fields: [subject.pncId, subject.nino, releaseDate,", StringComparison.Ordinal));

        var (exitCode, output, _) = await HubProcess.RunAsync("rules", "test", folder, _cases);

        exitCode.ShouldBe(1);
        output.ShouldContain("FAIL  AS-01 release notice fans out with per-purpose fields");
        output.ShouldContain("police: released fields differ: missing [], unexpected [subject.nino]");
    }

    [Fact]
    public async Task When_explaining_an_event_should_give_every_recipient_and_every_reason()
    {
        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "explain", "--event", Path.Combine(_cases, "as-15-hospital-discharge.cases.yaml"), "--agreements", _agreements);

        exitCode.ShouldBe(0, errors);
        output.ShouldContain("DENY  police");
        output.ShouldContain("why:      DSA-015@1 flow F9-no-health-to-police forbids health.discharge.planned from nhs to police");
        output.ShouldContain("ALLOW council   DSA-015@1 flow F1-asc-discharge, purpose adult-social-care");
        output.ShouldContain("withheld: clinicalSummary, encounterId");
        output.ShouldContain("agreement is not in force on 2026-03-01");
        output.ShouldNotContain("Sample Close", Case.Sensitive);
    }

    [Fact]
    public async Task When_diffing_a_change_should_show_the_field_it_stops_and_the_case_it_flips()
    {
        var folder = _copies.Agreements(text => text.Replace("fields: [subject.nino, releaseDate, previousReleaseDate, establishment, addressOnRelease, supersedesEventId]", "fields: [subject.nino, releaseDate, previousReleaseDate, establishment, supersedesEventId]", StringComparison.Ordinal));

        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "diff", _agreements, folder, "--cases", _cases);

        exitCode.ShouldBe(0, errors);
        output.ShouldContain("custody.release.scheduled probation -> jcp: fields now withheld: addressOnRelease (DSA-001@4 flow F3-jcp-benefit-continuity)");
        output.ShouldContain("case 'AS-01 release notice fans out with per-purpose fields': jcp still allowed; fields -addressOnRelease");
        output.ShouldContain("2 change(s) to sharing rules; 6 case decision(s) flip");
    }

    public void Dispose() => _copies.Dispose();
}
