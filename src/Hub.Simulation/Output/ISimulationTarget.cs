using Hub.Simulation.Running;

namespace Hub.Simulation.Output;

/// <summary>Where a batch goes: an adapter's real source (its drop folder, or its HTTP ingest endpoint), never the broker.</summary>
public interface ISimulationTarget
{
    /// <summary>Hands the batch to the agency's adapter; returns what was written (a file name), for the summary.</summary>
    Task<string> DeliverAsync(SimulationBatch batch, string runTag, CancellationToken cancellationToken);
}
