using System.CommandLine;
using System.Data.Common;
using System.Text.Json;
using Hub.Router.Ledger.Chain;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// <c>hub audit verify</c>: recomputes the ledger's hash chain from its rows and compares it with the seals, and every
/// outbox body with the digest its ledger row keeps. Exit 0 when intact, 1 at the first broken link, the first seal
/// that differs from its signed anchor (named) or any altered outbox body, 2 when the ledger, the anchors or their
/// keys cannot be read.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var postgres = LedgerSource.PostgresOption("Npgsql connection string of the ledger database; any role that can read it");
        var sqlite = LedgerSource.SqliteOption();
        var anchors = new Option<FileInfo?>("--anchors") { Description = "The router's anchor file (Ledger:Anchor:File): also check every seal against its signed anchor, which detects a rewrite of the whole chain" };
        var anchorKeys = new Option<FileInfo[]>("--anchor-key") { Description = "PEM public key of a router that signs anchors (repeat for rotated keys)", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string>("--format") { Description = "text or json (one document, shape agencyhub.audit.verify/1)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("verify", "Check the disclosure ledger's hash chain: detects any edit, deletion, insertion or reordering of sealed rows") { sqlite, anchors, anchorKeys, format };
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
            OutboxVerification outbox;
            try
            {
                verification = await new LedgerVerifier(source.Reader, source.Chain).VerifyAsync(cancellationToken);
                outbox = await OutboxVerifier.VerifyAsync(source.Reader, cancellationToken);
            }
            catch (DbException ex)
            {
                await Console.Error.WriteLineAsync($"Cannot read the ledger ({source.Description}): {ex.Message}");
                return 2;
            }

            var json = result.GetValue(format) == "json";
            var text = json ? TextWriter.Null : Console.Out;
            VerificationPrinter.Write(text, source.Description, verification);
            VerificationPrinter.Write(text, outbox);
            int? anchorExit = null;
            AnchorReport? anchorReport = null;
            if (result.GetValue(anchors) is { } anchorFile)
            {
                (anchorExit, anchorReport) = await AnchorCheckRunner.RunAsync(anchorFile, result.GetValue(anchorKeys) ?? [], source.Chain, text, Console.Error, cancellationToken);
                if (anchorExit == 2)
                {
                    return 2;
                }
            }

            var intact = verification.IsIntact && outbox.IsIntact && anchorExit is null;
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(VerificationJson.Of(source.Description, verification, outbox, anchorReport, intact), AuditJson.Options));
            }

            return anchorExit ?? (intact ? 0 : 1);
        });
        return command;
    }
}
