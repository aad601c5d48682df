using Hub.Router.Ledger;
using Microsoft.Extensions.Hosting;

namespace Hub.Router.Hosting;

/// <summary>Creates the ledger schema before the bus starts consuming (hosted services start in registration order).</summary>
public sealed class LedgerInitializer(ILedgerStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
