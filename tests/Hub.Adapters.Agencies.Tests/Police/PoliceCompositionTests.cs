using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Core.Sinks.DropFolder;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Police.Hosting;
using Hub.Adapters.Police.Iom;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Agencies.Tests.Police;

/// <summary>The police worker as Program.cs composes it: no source, IOM records for deliveries, start-time checks.</summary>
public sealed class PoliceCompositionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("police-composition-").FullName;

    [Fact]
    public void When_the_worker_is_composed_should_map_deliveries_to_iom_records_and_have_no_source()
    {
        using var host = AdapterHosts.Build(AdapterHosts.Settings("police"), b => b.AddPoliceAdapter());

        host.Services.GetRequiredService<IDeliveryRecordMapper>().ShouldBeOfType<PoliceDeliveryRecordMapper>();
        host.Services.GetService<IRecordMapper<DropFolderRecord>>().ShouldBeNull();
        host.Services.GetService<IRecordMapper<HttpIngestRecord>>().ShouldBeNull();
        host.Services.GetRequiredService<IDeliverySink>().ShouldBeOfType<MemoryDeliverySink>();
    }

    [Fact]
    public void When_the_sink_kind_is_drop_folder_should_write_deliveries_to_the_configured_folder()
    {
        var settings = AdapterHosts.Settings("police");
        settings["Adapter:Sink:Kind"] = "DropFolder";
        settings["Adapter:Sink:DropFolder:Path"] = Path.Combine(_folder, "outbox");
        using var host = AdapterHosts.Build(settings, b => b.AddPoliceAdapter());

        host.Services.GetRequiredService<IDeliverySink>().ShouldBeOfType<DropFolderSink>();
    }

    [Theory]
    [InlineData("Broker:Password", null, "Broker:Password")]
    [InlineData("Broker:Username", "adapter-probation", "Broker:Username must be 'adapter-police'")]
    [InlineData("Adapter:Agency", "probation", "Adapter:Agency must be 'police'")]
    [InlineData("Adapter:Sink:Kind", "Postgres", "Adapter:Sink:Postgres:ConnectionString")]
    [InlineData("Adapter:Deduplication:Kind", "Sqlite", "Adapter:Deduplication:SqlitePath")]
    public async Task When_a_setting_is_missing_or_invalid_should_fail_start_naming_it(string key, string? value, string expected)
    {
        var settings = AdapterHosts.Settings("police");
        settings[key] = value;
        using var host = AdapterHosts.Build(settings, b => b.AddPoliceAdapter());

        (await AdapterHosts.StartFailureAsync(host)).ShouldContain(expected);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
