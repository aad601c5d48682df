using System.Data.Common;
using Hub.Cli.Commands.Audit;
using Hub.Router.Ledger;

namespace Hub.Cli.Commands.Ops;

/// <summary>Writes operator-access rows; a failure is reported (type and SQL state only) and stops the act it was to record.</summary>
internal static class OpsLedger
{
    /// <summary>
    /// The embedded SQLite ledger is this tool's own file: bring it up to the current schema (operator-access rows).
    /// A Postgres ledger is migrated by the router's schema owner, never by an operator's command.
    /// </summary>
    public static async Task PrepareAsync(AuditConnection ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (ledger.SqlitePath is not null)
        {
            await ledger.Ledger.InitializeAsync(cancellationToken);
        }
    }

    public static async Task<bool> RecordAsync(AuditConnection ledger, LedgerEntry entry, string act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        try
        {
            await ledger.Ledger.RecordOperatorAccessAsync(entry, cancellationToken);
            return true;
        }
        catch (DbException ex)
        {
            var hint = ex.SqlState == "23514" ? " The ledger schema predates operator-access rows: start the upgraded router once so its schema owner widens it." : string.Empty;
            await Console.Error.WriteLineAsync($"Not {act}: the ledger row could not be written ({ex.GetType().Name}, SQL state {ex.SqlState ?? "none"}).{hint}");
            return false;
        }
    }
}
