using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hub.Cli.Commands.Audit;
using Hub.Cli.Commands.Rules.Replay;
using Hub.Sharing.Agreements;

namespace Hub.Cli.Commands.Rules;

/// <summary>
/// <c>hub rules replay --draft DIR --since TIME</c>: decides the ledger's recorded requests (metadata only) again
/// under a draft agreement set with the real engine, and reports which decisions would change, recipient by recipient,
/// so an IG lead sees the effect of a change before it is signed off. Shares whose inputs the ledger does not hold
/// (a condition on a payload value not recorded, a consent registry it cannot read) are listed as undecided, not guessed.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var draft = new Option<DirectoryInfo>("--draft") { Description = "Folder of the draft agreements", Required = true };
        var since = new Option<string>("--since") { Description = "Replay decisions recorded from this time (ISO 8601, UTC unless an offset is given, e.g. 2026-11-01)", Required = true };
        var until = new Option<string?>("--until") { Description = "Replay decisions recorded before this time (default: now)" };
        var asSigned = new Option<bool>("--as-signed") { Description = "Take the draft's agreements with status draft as active from --since, as if signed off" };
        var json = new Option<bool>("--json") { Description = "Write the report as JSON" };
        var today = RulesOptions.Today();
        var postgres = AuditConnection.PostgresOption();
        var sqlite = AuditConnection.SqliteOption();
        var command = new Command("replay", "Show which recorded decisions a draft agreement set would change, recipient by recipient")
        {
            draft, since, until, asSigned, json, today, sqlite,
        };
        postgres.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var from = Time(result.GetValue(since));
            var to = result.GetValue(until) is { } text ? Time(text) : TimeProvider.System.GetUtcNow();
            if (from is null || to is null || from >= to)
            {
                await Console.Error.WriteLineAsync("--since and --until must be ISO 8601 times (e.g. 2026-11-01 or 2026-11-01T09:00:00Z), --since before --until.");
                return 2;
            }

            var set = CaseFiles.LoadAgreements(result.GetValue(draft)!.FullName, RulesOptions.TodayOr(result.GetValue(today)));
            if (set is null)
            {
                return 2;
            }

            if (result.GetValue(asSigned))
            {
                set = DraftSigning.AsSigned(set, from.Value);
            }
            else if (set.Agreements.Any(a => a.Status == AgreementStatus.Draft))
            {
                await Console.Error.WriteLineAsync("Note: agreements with status draft are not in force and permit nothing as written; pass --as-signed to replay them as if signed off.");
            }

            await using var connection = AuditConnection.Open(result, postgres, result.GetValue(sqlite)!);
            if (connection is null)
            {
                return 2;
            }

            var events = await RecordedEvents.ReadAsync(connection.Reader, from.Value, to.Value, cancellationToken);
            var consents = await ReplayConsents.ReadAsync(connection.Consents, events, cancellationToken);
            var retractions = await ReplayRetractions.ReadAsync(connection.Retractions, events, cancellationToken);
            var report = ReplayRunner.Run(set, events, consents, retractions, from.Value, to.Value);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, AuditJson.Options));
            }
            else
            {
                ReplayPrinter.Write(Console.Out, report);
            }

            return 0;
        });
        return command;
    }

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
}
