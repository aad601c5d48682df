using System.Data.Common;
using Hub.Router.Retractions;

namespace Hub.Cli.Commands.Rules.Replay;

/// <summary>
/// The replayed events their source had retracted before the router decided them (docs/adr/0020): they were denied to
/// everyone whatever the agreements said, and a draft cannot change that, so a replay reports them as undecided with
/// this reason rather than as changes. Read from the retraction register beside the ledger; a ledger without one
/// (written before it) has no such events.
/// </summary>
internal sealed class ReplayRetractions(IReadOnlySet<(string Source, Guid EventId)> retractedFirst)
{
    public const string Reason = "retracted by its source before it was decided: shared with no one whatever the agreements say";

    public bool RetractedBeforeDecided(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return retractedFirst.Contains((recorded.Source, recorded.EventId));
    }

    public static async Task<ReplayRetractions> ReadAsync(IRetractionRegister register, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(events);
        var decided = events.ToDictionary(e => (e.Source, e.EventId), e => e.First);
        var found = new HashSet<(string, Guid)>();
        try
        {
            foreach (var chunk in decided.Keys.Chunk(1000))
            {
                foreach (var retracted in await register.FindRetractedAsync(chunk, cancellationToken))
                {
                    var row = decided[(retracted.Source, retracted.EventId)];
                    if (retracted.EventType == row.EventType && retracted.RecordedAt <= row.RecordedAt)
                    {
                        found.Add((retracted.Source, retracted.EventId));
                    }
                }
            }
        }
        catch (DbException)
        {
            // A ledger from before the retraction register: no event was denied as retracted.
        }

        return new ReplayRetractions(found);
    }
}
