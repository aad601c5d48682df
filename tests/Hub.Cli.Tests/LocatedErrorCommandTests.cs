namespace Hub.Cli.Tests;

/// <summary>
/// Files built to exhaust the YAML parser are refused by every command that reads them, each with one
/// <c>file:line:col: error:</c> line, and the commands finish (the limits are enforced while parsing).
/// </summary>
public sealed class LocatedErrorCommandTests : IDisposable
{
    private readonly string _agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
    private readonly string _scratch = Directory.CreateTempSubdirectory("agencyhub-located-").FullName;

    [Fact]
    public async Task When_linting_a_folder_with_a_deeply_nested_file_should_locate_it_and_say_the_others_would_run()
    {
        var folder = CopySamples();
        await File.WriteAllTextAsync(Path.Combine(folder, "zz-deep.yaml"), HostileYaml.DeepList("id: DSA-DEEP\n", "flows", 5000));

        var (exitCode, output, errors) = await HubProcess.RunAsync("rules", "lint", folder);

        exitCode.ShouldBe(1);
        errors.ShouldContain("zz-deep.yaml:2:");
        errors.ShouldContain(": error: not valid YAML: the file nested more than 64 levels deep");
        output.ShouldContain("(the router would leave out zz-deep.yaml)");
    }

    [Fact]
    public async Task When_a_case_file_holds_a_billion_laughs_should_refuse_it_with_its_line_and_run_nothing()
    {
        var cases = Path.Combine(_scratch, "laughs.yaml");
        await File.WriteAllTextAsync(cases, HostileYaml.BillionLaughs("name: laughs\n", "event"));

        var (exitCode, _, errors) = await HubProcess.RunAsync("rules", "test", _agreements, cases);

        exitCode.ShouldBe(2);
        errors.ShouldContain("laughs.yaml:8:");
        errors.ShouldContain("expands to more than 100,000 values once its aliases are followed");
    }

    [Fact]
    public async Task When_the_demo_is_given_agreements_with_an_alias_fan_out_should_refuse_them_with_the_line()
    {
        var folder = CopySamples();
        await File.WriteAllTextAsync(Path.Combine(folder, "zz-aliases.yaml"), HostileYaml.AliasFanOut(string.Empty, "flows", 2000));

        var (exitCode, _, errors) = await HubProcess.RunAsync("demo", "--ledger", Path.Combine(_scratch, "ledger.db"), "--agreements", folder);

        exitCode.ShouldBe(2);
        errors.ShouldContain("zz-aliases.yaml:1003:5: error: not valid YAML: the file uses more than 1000 aliases");
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private string CopySamples()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_scratch, Guid.NewGuid().ToString("N")[..6])).FullName;
        foreach (var file in Directory.GetFiles(_agreements, "*.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
