namespace Hub.Cli.Tests;

/// <summary>The README's run command: the embedded hub plays AS-01, AS-15 and a forged submission.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agencyhub-cli-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");

    [Fact]
    public async Task When_run_should_report_what_each_agency_received_withheld_and_was_denied()
    {
        var ledger = Path.Combine(_folder, "ledger.db");
        var (exitCode, output, errors) = await HubProcess.RunAsync("demo", "--ledger", ledger, "--agreements", _agreements);

        exitCode.ShouldBe(0, errors);
        output.ShouldContain("+ police    shared under DSA-001@4 flow F1-police-iom, purpose offender-management");
        output.ShouldContain("received: subject.pncId, releaseDate, establishment, sentenceBand, resettlementArea, addressOnRelease, cohortTier");
        output.ShouldContain("withheld: leadProfessional, mentalHealthFlag, subject.localId, subject.nhsNumber, subject.nino, substanceMisuseFlag");
        output.ShouldContain("- police    denied: DSA-015@1 flow F9-no-health-to-police forbids health.discharge.planned from nhs to police");
        output.ShouldContain("- jcp       denied: no agreement has a flow sharing health.discharge.planned from nhs to jcp");
        output.ShouldContain("x rejected (forged-source): event claims source 'probation' but arrived on the ingress queue of 'police'; nothing forwarded");
        output.ShouldContain("Ledger: 9 rows written this run (5 allowed, 3 denied, 1 rejected)");
        File.Exists(ledger).ShouldBeTrue("the ledger is left behind for `hub audit`");
        File.Exists(Path.Combine(_folder, "subject.key")).ShouldBeTrue();
    }

    [Fact]
    public async Task When_run_should_print_field_names_but_no_personal_values()
    {
        var (_, output, _) = await HubProcess.RunAsync("demo", "--ledger", Path.Combine(_folder, "ledger.db"), "--agreements", _agreements);

        foreach (var value in new[] { "Example Row", "Sample Close", "999000001", "JY123456C", "PRB-000417", "2019/0412345" })
        {
            output.ShouldNotContain(value);
        }
    }

    [Fact]
    public async Task When_run_twice_should_append_to_the_same_ledger()
    {
        var ledger = Path.Combine(_folder, "ledger.db");
        (await HubProcess.RunAsync("demo", "--ledger", ledger, "--agreements", _agreements)).ExitCode.ShouldBe(0);
        var (exitCode, output, _) = await HubProcess.RunAsync("demo", "--ledger", ledger, "--agreements", _agreements);

        exitCode.ShouldBe(0);
        output.ShouldContain("Ledger: 9 rows written this run");
    }

    [Fact]
    public async Task When_agreements_are_invalid_should_fail_with_the_file_and_problem()
    {
        var bad = Path.Combine(_folder, "bad");
        Directory.CreateDirectory(bad);
        await File.WriteAllTextAsync(Path.Combine(bad, "x.yaml"), "id: X\nversion: 1\nstatus: active\neffective: 2026-01-01\nflows:\n  - id: F\n    source: probation\n    eventTypes: [custody.release.scheduled]\n    recipients: [police]\n    purpose: p\n    lawfulBasis: b\n    fields: [shoeSize]\n");

        var (exitCode, output, errors) = await HubProcess.RunAsync("demo", "--ledger", Path.Combine(_folder, "ledger.db"), "--agreements", bad);

        exitCode.ShouldBe(2);
        output.ShouldBeEmpty();
        errors.ShouldContain("are not valid; nothing was run:");
        errors.ShouldContain("x.yaml:");
        errors.ShouldContain("field 'shoeSize' does not exist on custody.release.scheduled");
        errors.ShouldNotContain("Unhandled exception");
        errors.ShouldNotContain("   at ");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
