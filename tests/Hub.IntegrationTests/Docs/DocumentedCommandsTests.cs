using Hub.Testing;

namespace Hub.IntegrationTests.Docs;

/// <summary>
/// Every documented command marked runnable works as written (issue 16): each document's marked blocks run in order,
/// under bash with -e and pipefail, in one scratch folder holding the checkout's samples, with <c>hub</c> on PATH as
/// the built CLI (what scripts/install-cli.sh installs). A block that fails names its document and line.
/// </summary>
public sealed class DocumentedCommandsTests
{
    private static readonly string Root = RepositoryRoot.Path;

    public static TheoryData<string> Documents() => [.. RunnableBlocks.Documents(Root)];

    [Fact]
    public void When_the_docs_are_read_should_find_marked_blocks_in_the_readme_and_the_docs()
    {
        RunnableBlocks.Documents(Root).ShouldContain("README.md");
        RunnableBlocks.Documents(Root).ShouldContain(d => d.StartsWith("docs", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task When_a_documents_runnable_blocks_run_in_order_should_each_succeed(string document)
    {
        var scratch = Directory.CreateTempSubdirectory("agencyhub-docs-");
        try
        {
            var bin = Directory.CreateDirectory(Path.Combine(scratch.FullName, ".bin")).FullName;
            var work = Directory.CreateDirectory(Path.Combine(scratch.FullName, "work")).FullName;
            Directory.CreateSymbolicLink(Path.Combine(work, "samples"), Path.Combine(Root, "samples"));
            var shim = Path.Combine(bin, "hub");
            await File.WriteAllTextAsync(shim, $"#!/bin/sh\nexec dotnet exec '{Path.Combine(AppContext.BaseDirectory, "hub.dll")}' \"$@\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var environment = new Dictionary<string, string>
            {
                ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
                ["HOME"] = scratch.FullName,
                ["AGENCYHUB_LEDGER_POSTGRES"] = string.Empty,
            };

            foreach (var block in RunnableBlocks.In(Root, document))
            {
                var result = await ProgramRun.RunAsync("bash", ["-e", "-o", "pipefail", "-c", block.Script], work, TimeSpan.FromMinutes(5), environment);
                result.ExitCode.ShouldBe(0, $"{block.Document}:{block.Line} failed:\n{block.Script}\n--- stdout\n{result.Output}\n--- stderr\n{result.Errors}");
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
