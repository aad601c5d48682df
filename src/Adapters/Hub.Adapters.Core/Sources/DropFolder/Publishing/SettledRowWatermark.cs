using Hub.Adapters.Core.Sources.Records;

namespace Hub.Adapters.Core.Sources.DropFolder.Publishing;

/// <summary>
/// The contiguous-settled watermark of a file whose rows are published many at a time (docs/adr/0009): rows settle
/// (broker-confirmed, or rejected) in any order, but <see cref="Checkpoint"/> only ever covers the longest run of
/// settled rows from the start. A row settled above an unsettled one waits in <see cref="Pending"/> until the gap
/// fills, so a checkpoint never passes a row the broker has not confirmed. Not thread-safe: the caller serialises.
/// </summary>
public sealed class SettledRowWatermark(DropFileCheckpoint start)
{
    private readonly SortedDictionary<int, RecordOutcome> _pending = [];
    private readonly List<QuarantinedRow> _quarantined = [.. start.Quarantined];
    private int _published = start.Published;

    /// <summary>The highest row below which (and at which) every row is settled.</summary>
    public int LastRow { get; private set; } = start.LastRow;

    /// <summary>Every row up to <see cref="LastRow"/> is settled, with its counts; nothing above it is included. A snapshot.</summary>
    public DropFileCheckpoint Checkpoint => start with { LastRow = LastRow, Published = _published, Quarantined = [.. _quarantined] };

    /// <summary>Rows settled above the watermark, waiting for a lower row.</summary>
    public int Pending => _pending.Count;

    /// <summary>Records <paramref name="row"/>'s outcome; true when the watermark moved.</summary>
    public bool Settle(int row, RecordOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (row <= LastRow || !_pending.TryAdd(row, outcome))
        {
            throw new ArgumentException($"Row {row} is already settled.", nameof(row));
        }

        var last = LastRow;
        while (_pending.Remove(last + 1, out var next))
        {
            last++;
            if (next.Published)
            {
                _published++;
            }
            else
            {
                _quarantined.Add(new QuarantinedRow(last, next.Problems));
            }
        }

        var moved = last != LastRow;
        LastRow = last;
        return moved;
    }
}
