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
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Nhs.Benchmarks.DropFolder;

/// <summary>
/// The NHS adapter's drop-folder source as its worker composes it (<see cref="NhsFolderMapper"/>, the SDK's
/// <see cref="DropFileProcessor"/>, the shared <see cref="FhirR4Validator"/>) over a temporary folder, publishing to
/// MassTransit's in-memory transport instead of RabbitMQ: everything the source does except the broker round trip.
/// </summary>
internal sealed class NhsDropFolderHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private NhsDropFolderHost(ServiceProvider provider, string root)
    {
        _provider = provider;
        Root = root;
    }

    public string Root { get; }

    public DropFileProcessor Processor => _provider.GetRequiredService<DropFileProcessor>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public static async Task<NhsDropFolderHost> StartAsync(int prepareParallelism)
    {
        var root = Directory.CreateTempSubdirectory("agencyhub-nhs-bench-").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        // Broker addresses are exchanges; on the in-memory transport an exchange no queue is bound to drops what it is sent, so
        // nothing piles up in memory between iterations.
        services.AddAdapterCore(HubAddresses.Broker);
        services.Configure<AdapterOptions>(o => o.Agency = "nhs");
        services.Configure<DropFolderOptions>(o => (o.Enabled, o.Path, o.PrepareParallelism) = (true, root, prepareParallelism));
        services.AddSourceCore();
        services.AddSingleton<FhirR4Validator>();
        services.AddSingleton<EncounterDischargeMapper>();
        services.AddSingleton<MedicationRequestContinuityMapper>();
        services.AddSingleton<ServiceRequestReferralMapper>();
        services.AddSingleton<MeasureReportIndicatorsMapper>();
        services.AddSingleton<NhsResourceMapper>();
        services.AddSingleton<IRecordMapper<DropFolderRecord>, NhsFolderMapper>();
        services.AddSingleton<DropFileProcessor>();
        services.AddMassTransit(bus => bus.UsingInMemory());
        var provider = services.BuildServiceProvider();
        var host = new NhsDropFolderHost(provider, root);
        host.Processor.Layout.Create();
        await provider.GetRequiredService<IBusControl>().StartAsync();
        return host;
    }

    /// <summary>Puts <paramref name="content"/> in the inbox as <paramref name="name"/>, and empties what earlier runs left.</summary>
    public async Task DropAsync(string name, string content)
    {
        var layout = Processor.Layout;
        foreach (var folder in new[] { layout.Done, layout.Quarantine, layout.Reports, layout.State })
        {
            foreach (var file in Directory.GetFiles(folder))
            {
                File.Delete(file);
            }
        }

        await File.WriteAllTextAsync(Path.Combine(layout.Inbox, name), content);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.GetRequiredService<IBusControl>().StopAsync();
        await _provider.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
