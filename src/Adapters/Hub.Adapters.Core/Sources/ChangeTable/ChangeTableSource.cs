using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.ChangeTable;

/// <summary>
/// Polls the change table every interval. A failed poll (database or broker down) is logged and retried on the
/// next tick from the stored watermark; nothing after the failure point was recorded as done.
/// </summary>
public sealed class ChangeTableSource(ChangeTableProcessor processor, ChangeTableStore store, IOptions<ChangeTableOptions> options, TimeProvider time, ILogger<ChangeTableSource> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await processor.PollOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure leaves the watermark where it was; the next tick retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                SourcesLog.ChangePollFailed(logger, processor.Agency, store.Table, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
