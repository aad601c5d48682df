using System.CommandLine;
using Hub.Cli.Embedded;
using Hub.Sharing.Agreements;

namespace Hub.Cli.Commands;

/// <summary><c>hub demo</c>: the whole hub in one process with no servers, playing seed scenarios.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var ledger = new Option<FileInfo>("--ledger")
        {
            Description = "SQLite ledger file to write (kept after the run)",
            DefaultValueFactory = _ => new FileInfo(Path.Combine(".agencyhub", "ledger.db")),
        };
        var agreements = new Option<DirectoryInfo?>("--agreements")
        {
            Description = "Folder of agreement files (default: samples/agreements of this repository)",
        };
        var command = new Command("demo", "Run router and the five agencies in one process on the in-memory transport and play scenarios AS-01, AS-15 and AS-09 (consent, withdrawal, recall)");
        command.Options.Add(ledger);
        command.Options.Add(agreements);
        command.SetAction(async (result, cancellationToken) =>
        {
            var agreementsDirectory = result.GetValue(agreements)?.FullName ?? RepositoryPaths.Find(Path.Combine("samples", "agreements"));
            if (agreementsDirectory is null)
            {
                await Console.Error.WriteLineAsync("Cannot find samples/agreements; pass --agreements DIR.");
                return 2;
            }

            try
            {
                AgreementLoader.LoadDirectory(agreementsDirectory);
            }
            catch (AgreementValidationException ex)
            {
                await Console.Error.WriteLineAsync($"The agreements in {agreementsDirectory} are not valid; nothing was run:");
                foreach (var error in ex.Errors)
                {
                    await Console.Error.WriteLineAsync("  " + error);
                }

                return 2;
            }

            var run = new EmbeddedRun(result.GetValue(ledger)!.FullName, agreementsDirectory);
            return await run.ExecuteAsync(Console.Out, cancellationToken);
        });
        return command;
    }
}
