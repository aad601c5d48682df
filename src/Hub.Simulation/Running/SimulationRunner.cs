using Hub.Simulation.Output;
using Hub.Simulation.Timeline;

namespace Hub.Simulation.Running;

/// <summary>
/// Plays a timeline in (scaled) real time: a batch is handed over when the simulated clock, running
/// <c>speedup</c> simulated seconds per real second, reaches the end of its period, as an agency system's periodic
/// export would. A large speed-up hands batches over as fast as they can be written.
/// </summary>
public sealed class SimulationRunner(ISimulationTarget target, TimeProvider time)
{
    public async Task<SimulationSummary> RunAsync(SimulationTimeline timeline, TimeSpan period, double speedup, Action<SimulationBatch, string>? written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speedup);
        var summary = new SimulationSummary();
        var realStart = time.GetUtcNow();
        foreach (var batch in Batching.Split(timeline, period))
        {
            var due = realStart + ((batch.End - timeline.Settings.WindowStart) / speedup);
            var wait = due - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            var file = await target.DeliverAsync(batch, timeline.Settings.RunTag, cancellationToken);
            summary.Add(batch);
            written?.Invoke(batch, file);
        }

        return summary;
    }
}
