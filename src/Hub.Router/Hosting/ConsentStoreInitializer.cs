using Hub.Router.Consent;
using Microsoft.Extensions.Hosting;

namespace Hub.Router.Hosting;

/// <summary>Creates the consent registry and recall tables after the ledger's and before the bus starts consuming.</summary>
public sealed class ConsentStoreInitializer(IConsentStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
