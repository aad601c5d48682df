using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Delivery.Deduplication;

/// <summary>
/// Deletes handled delivery ids older than <see cref="DeduplicationOptions.Retention"/>, so the table does not grow
/// without bound. Does nothing for the in-memory deduplicator. A failed pass is logged and tried again next time.
/// </summary>
public sealed class DeduplicationPruner(IDeliveryDeduplicator deduplicator, IOptions<DeduplicationOptions> options, TimeProvider time, ILogger<DeduplicationPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (deduplicator is not DurableDeliveryDeduplicator durable)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PruneInterval, time);
        do
        {
            try
            {
                var pruned = await durable.PruneAsync(time.GetUtcNow() - options.Value.Retention, stoppingToken);
                DeduplicationLog.Pruned(logger, pruned);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The store may be briefly unreachable; the next pass retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                DeduplicationLog.PruneFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
