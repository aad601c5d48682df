using Hub.Router.Configuration;
using Hub.Router.Ledger.Anchors;
using Hub.Router.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Router.Ledger.Chain;

/// <summary>
/// Seals the ledger in the background, off the ingress path: routers only insert rows, and every interval one
/// router (whichever holds the store's sealing lock) chains what has become final since the last seal.
/// </summary>
public sealed class LedgerSealingService(
    ILedgerSealer sealer, IOptions<LedgerIntegrityOptions> options, TimeProvider time, ILogger<LedgerSealingService> logger, IEnumerable<LedgerAnchorExporter> anchors) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SealingEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SealInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var outcome = await sealer.SealAsync(stoppingToken);
                if (outcome.Seals > 0 && outcome.Head is { } head)
                {
                    LedgerLog.Sealed(logger, outcome.Rows, outcome.Seals, head.Number, head.LastSequence);
                }
                else if (outcome.Deferred is { } reason)
                {
                    LedgerLog.SealingDeferred(logger, reason);
                }

                // Only the router that held the sealing lock this pass exports, so routers do not race on a sink.
                if (outcome.Deferred is null)
                {
                    await ExportAnchorsAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A failed pass seals nothing and changes nothing; the rows wait for the next pass.
                LedgerLog.SealingFailed(logger, ex.GetType().Name);
            }
        }
    }

    private async Task ExportAnchorsAsync(CancellationToken stoppingToken)
    {
        foreach (var exporter in anchors)
        {
            try
            {
                var exported = await exporter.ExportAsync(stoppingToken);
                if (exported > 0)
                {
                    LedgerLog.Anchored(logger, exported);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The seals stay in the ledger; the same anchors are sent again next pass.
                LedgerLog.AnchoringFailed(logger, ex.GetType().Name);
            }
        }
    }
}
