using Hub.Router.Ledger;

namespace Hub.Cli.Commands.Rules.Replay;

/// <summary>One event as the ledger recorded its decisions: a decision row per candidate recipient, in seq order.</summary>
internal sealed record RecordedEvent(string Source, Guid EventId, IReadOnlyList<LedgerEntry> Rows)
{
    public LedgerEntry First => Rows[0];

    /// <summary>The fields present in the event, by name: what every row released plus what it withheld.</summary>
    public IReadOnlyCollection<string> PresentFields { get; } = Rows[0].ReleasedFields.Union(Rows[0].WithheldFields, StringComparer.Ordinal).ToList();
}
