using Hub.Simulation.Running;
using Hub.Simulation.Timeline;

namespace Hub.Cli.Commands.Simulate;

/// <summary>Adds up written batches per simulated day and prints a day's counts once the run has moved past it.</summary>
internal sealed class DayTally(SimulationPrinter printer)
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
            printer.Day(day, _counts);
        }

        _counts.Clear();
        _day = null;
    }
}
