namespace Hub.Cli.Tests;

/// <summary>
/// <c>bash scripts/install-cli.sh</c>, the README's install command, packs <c>hub</c> as a .NET tool and installs it
/// (here into a tool path of the test's own, never the global one); the installed command runs outside the checkout,
/// names the commit it was built from, finds the sample agreements it carries, and completes words in bash.
/// </summary>
public sealed class InstalledToolTests : IDisposable
{
    private readonly string _tools = Directory.CreateTempSubdirectory("agencyhub-tool-").FullName;
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("agencyhub-cwd-").FullName;

    [Fact]
    public async Task When_installed_by_the_script_should_run_as_hub_outside_the_checkout_and_report_its_commit()
    {
        var commit = await HubProcess.RunProgramAsync("git", ["rev-parse", "HEAD"], RepositoryRoot.Path, TimeSpan.FromSeconds(30));
        var install = await HubProcess.RunProgramAsync("bash", ["scripts/install-cli.sh", "--tool-path", _tools], RepositoryRoot.Path, TimeSpan.FromMinutes(8));
        install.ExitCode.ShouldBe(0, install.Output + install.Errors);
        var hub = Path.Combine(_tools, "hub");

        var version = await HubProcess.RunProgramAsync(hub, ["--version"], _elsewhere, TimeSpan.FromMinutes(1));
        var explain = await HubProcess.RunProgramAsync(hub, ["rules", "explain", "--event", RepositoryRoot.Combine("samples", "cases", "as-15-hospital-discharge.cases.yaml")], _elsewhere, TimeSpan.FromMinutes(1));

        version.ExitCode.ShouldBe(0, version.Errors);
        version.Output.Trim().ShouldEndWith("+" + commit.Output.Trim());
        version.Output.ShouldStartWith("0.1.0-dev.");
        var completion = await HubProcess.RunProgramAsync(
            "bash",
            ["-c", $"source {RepositoryRoot.Combine("scripts", "hub-completion.bash")}; COMP_LINE='hub audit ve'; COMP_POINT=12; COMP_WORDS=(hub audit ve); COMP_CWORD=2; _agencyhub_hub; echo \"${{COMPREPLY[*]}}\""],
            _elsewhere,
            TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["PATH"] = _tools + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") });
        explain.ExitCode.ShouldBe(0, explain.Errors);
        completion.Output.Trim().ShouldBe("verify", completion.Errors);
        explain.Output.ShouldContain("DSA-015@1 flow F9-no-health-to-police forbids health.discharge.planned from nhs to police");
    }

    public void Dispose()
    {
        Directory.Delete(_tools, recursive: true);
        Directory.Delete(_elsewhere, recursive: true);
    }
}
