using Hub.Simulation.Timeline;

namespace Hub.Simulation.Running;

/// <summary>What a run handed over: counts of records by kind and of files by agency. Counts only, never identities.</summary>
public sealed class SimulationSummary
{
    private readonly Dictionary<RecordKind, int> _records = [];
    private readonly Dictionary<string, int> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<RecordKind, int> Records => _records;

    public IReadOnlyDictionary<string, int> Files => _files;

    public void Add(SimulationBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _files[batch.Agency] = _files.GetValueOrDefault(batch.Agency) + 1;
        foreach (var record in batch.Records)
        {
            _records[record.Kind] = _records.GetValueOrDefault(record.Kind) + 1;
        }
    }

    public int Count(RecordKind kind) => _records.GetValueOrDefault(kind);
}
