using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Router.Ledger;

namespace Hub.Cli.Embedded;

/// <summary>
/// What <see cref="SimulatedRun"/> found: the drop-folder processor's report per probation file and the router's ledger
/// rows, with how many rows the published events should have made (every row is there when <see cref="Complete"/>).
/// </summary>
internal sealed record SimulatedRunOutcome(IReadOnlyList<DropFileReport> Reports, IReadOnlyList<LedgerEntry> Entries, int Expected, string ProbationRoot)
{
    public bool Complete => Entries.Count >= Expected;
}
