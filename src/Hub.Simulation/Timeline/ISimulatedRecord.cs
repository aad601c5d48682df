namespace Hub.Simulation.Timeline;

/// <summary>A record an agency system produces at a simulated instant; the timeline orders and batches them by it.</summary>
public interface ISimulatedRecord
{
    /// <summary>When the agency's system produces the record (and so when it lands in the adapter's source).</summary>
    DateTimeOffset At { get; }

    RecordKind Kind { get; }

    /// <summary>The record's own key in its agency system (notice id, consent id, application ref, query id).</summary>
    string Key { get; }
}
