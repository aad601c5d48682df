using Hub.Simulation.Running;
using Hub.Simulation.Timeline;

namespace Hub.Cli.Commands.Simulate;

/// <summary>Adds up written batches per simulated day and hands a day's counts on once the run has moved past it.</summary>
internal sealed class DayTally(Action<DateOnly, IReadOnlyDictionary<RecordKind, int>> completed)
{
    private readonly Dictionary<RecordKind, int> _counts = [];
    private DateOnly? _day;

    public void Add(SimulationBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var day = DateOnly.FromDateTime(batch.Start.UtcDateTime);
        if (_day is { } current && current != day)
        {
            Flush();
        }

        _day = day;
        foreach (var record in batch.Records)
        {
            _counts[record.Kind] = _counts.GetValueOrDefault(record.Kind) + 1;
        }
    }

    public void Flush()
    {
        if (_day is { } day)
        {
            completed(day, _counts);
        }

        _counts.Clear();
        _day = null;
    }
}
