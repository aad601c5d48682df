using Hub.Router.Configuration;
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
    ILedgerSealer sealer, IOptions<LedgerIntegrityOptions> options, TimeProvider time, ILogger<LedgerSealingService> logger) : BackgroundService
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
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A failed pass seals nothing and changes nothing; the rows wait for the next pass.
                LedgerLog.SealingFailed(logger, ex.GetType().Name);
            }
        }
    }
}
