using System.CommandLine;
using System.Data.Common;
using Hub.Router.Ledger.Chain;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// <c>hub audit verify</c>: recomputes the ledger's hash chain from its rows and compares it with the seals. Exit 0
/// when intact, 1 at the first broken link (named), 2 when the ledger cannot be read.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var postgres = LedgerSource.PostgresOption("Npgsql connection string of the ledger database; any role that can read it");
        var sqlite = LedgerSource.SqliteOption();
        var command = new Command("verify", "Check the disclosure ledger's hash chain: detects any edit, deletion, insertion or reordering of sealed rows") { sqlite };
        postgres.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var source = LedgerSource.Open(result, postgres, result.GetValue(sqlite), out var error);
            if (source is null)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            ChainVerification verification;
            try
            {
                verification = await new LedgerVerifier(source.Reader, source.Chain).VerifyAsync(cancellationToken);
            }
            catch (DbException ex)
            {
                await Console.Error.WriteLineAsync($"Cannot read the ledger ({source.Description}): {ex.Message}");
                return 2;
            }

            VerificationPrinter.Write(Console.Out, source.Description, verification);
            return verification.IsIntact ? 0 : 1;
        });
        return command;
    }
}
