using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Hub.Router.Ledger.Chain;
using Npgsql;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// <c>hub audit prune</c>: the retention job. Run it as the schema owner (the router's role cannot delete). It
/// verifies the chain, deletes whole sealed batches whose rows are all older than the retention period, and appends
/// a pruning record that carries the last pruned seal's hash forward, so <c>hub audit verify</c> still checks the rest.
/// </summary>
internal static class PruneCommand
{
    public const string RetentionVariable = "AGENCYHUB_LEDGER_RETENTION_DAYS";

    public static Command Create()
    {
        var postgres = LedgerSource.PostgresOption("Npgsql connection string of the ledger database as the schema owner (ConnectionStrings:LedgerAdmin)");
        var sqlite = LedgerSource.SqliteOption();
        var retention = new Option<int?>("--retention-days")
        {
            Description = $"Keep rows recorded within this many days (default: ${RetentionVariable})",
        };
        var format = OutputFormat.Option(PruneJson.Schema);
        var command = new Command("prune", "Delete whole sealed ledger batches older than the retention period, keeping the chain verifiable") { sqlite, retention, format };
        postgres.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var days = result.GetValue(retention) ?? (int.TryParse(Environment.GetEnvironmentVariable(RetentionVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null);
            if (days is not > 0)
            {
                await Console.Error.WriteLineAsync($"Give the retention period: --retention-days N (N >= 1) or ${RetentionVariable}.");
                return 2;
            }

            await using var source = LedgerSource.Open(result, postgres, result.GetValue(sqlite), out var error);
            if (source is null)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            var cutoff = TimeProvider.System.GetUtcNow().AddDays(-days.Value);
            PruneOutcome outcome;
            try
            {
                outcome = await new LedgerPruner(source.Rows, source.Chain, TimeProvider.System).PruneAsync(cutoff, cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                await Console.Error.WriteLineAsync($"This role may not prune the ledger ({source.Description}): run prune with the schema owner's connection (ConnectionStrings:LedgerAdmin).");
                return 2;
            }
            catch (DbException ex)
            {
                await Console.Error.WriteLineAsync($"Cannot prune the ledger ({source.Description}): {ex.Message}");
                return 2;
            }

            var json = OutputFormat.IsJson(result, format);
            if (json)
            {
                OutputFormat.Write(PruneJson.Of(source.Description, days.Value, cutoff, outcome));
            }

            if (!outcome.Verification.IsIntact)
            {
                await Console.Error.WriteLineAsync("Refusing to prune: the ledger does not verify, and pruning would destroy the evidence.");
                VerificationPrinter.Write(OutputFormat.TextOut(json), source.Description, outcome.Verification);
                return 1;
            }

            if (json)
            {
                return 0;
            }

            var at = cutoff.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            Console.WriteLine(outcome.Record is { } record
                ? string.Create(CultureInfo.InvariantCulture, $"Pruned {record.RowsPruned} row(s) recorded before {at}: seals up to {record.ThroughSeal} (seq up to {record.ThroughSequence}). Pruning record {record.Number} carries seal {record.ThroughSeal}'s hash {record.AnchorHash} forward.")
                : $"Nothing to prune: no sealed batch lies wholly before {at}.");
            return 0;
        });
        return command;
    }
}
