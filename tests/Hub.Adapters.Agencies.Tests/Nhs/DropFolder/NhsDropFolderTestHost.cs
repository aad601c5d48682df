using Hub.Testing.Messaging;
using Hub.Adapters.Core.Configuration;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Nhs.Discharges;
using Hub.Adapters.Nhs.Fhir.Validation;
using Hub.Adapters.Nhs.Performance;
using Hub.Adapters.Nhs.Referrals;
using Hub.Adapters.Nhs.Sources;
using Hub.Adapters.Nhs.TreatmentContinuity;
using Hub.Contracts.Topology;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Agencies.Tests.Nhs.DropFolder;

/// <summary>
/// The NHS drop-folder source as the worker composes it (<see cref="NhsFolderMapper"/> over the SDK's
/// <see cref="DropFileProcessor"/>), over a temp folder, publishing to the in-memory transport under the test harness.
/// </summary>
internal sealed class NhsDropFolderTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private NhsDropFolderTestHost(ServiceProvider provider) => _provider = provider;

    public DropFileProcessor Processor => _provider.GetRequiredService<DropFileProcessor>();

    public DropFolderLayout Layout => Processor.Layout;

    public static async Task<NhsDropFolderTestHost> StartAsync(int prepareParallelism)
    {
        var root = Directory.CreateTempSubdirectory("agencyhub-nhs-drop-").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAdapterCore(HubAddresses.InMemory);
        services.Configure<AdapterOptions>(o => o.Agency = "nhs");
        services.Configure<DropFolderOptions>(o => (o.Enabled, o.Path, o.PrepareParallelism, o.PrepareAhead) = (true, root, prepareParallelism, 16));
        services.AddSourceCore();
        services.AddSingleton<FhirR4Validator>();
        services.AddSingleton<EncounterDischargeMapper>();
        services.AddSingleton<MedicationRequestContinuityMapper>();
        services.AddSingleton<ServiceRequestReferralMapper>();
        services.AddSingleton<MeasureReportIndicatorsMapper>();
        services.AddSingleton<NhsResourceMapper>();
        services.AddSingleton<IRecordMapper<DropFolderRecord>, NhsFolderMapper>();
        services.AddSingleton<DropFileProcessor>();
        services.AddMassTransitTestHarness(bus => bus.UsingInMemory((_, _) => { }));
        var host = new NhsDropFolderTestHost(services.BuildServiceProvider(validateScopes: true));
        host.Layout.Create();
        await host._provider.GetRequiredService<ITestHarness>().Start();
        return host;
    }

    /// <summary>Records the order in which publishes start from now on.</summary>
    public SendOrder RecordPublishOrder()
    {
        var order = new SendOrder();
        _provider.GetRequiredService<ITestHarness>().Bus.ConnectSendObserver(order);
        return order;
    }

    public async Task DropAsync(string name, string content) =>
        await File.WriteAllTextAsync(Path.Combine(Layout.Inbox, name), content);

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
