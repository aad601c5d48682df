using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Core.Sinks.DropFolder;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Probation.Deliveries;
using Hub.Adapters.Probation.Hosting;
using Hub.Adapters.Probation.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Agencies.Tests.Probation;

/// <summary>The probation worker as Program.cs composes it: its mappers, its sink by configuration, and start-time checks.</summary>
public sealed class ProbationCompositionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("probation-composition-").FullName;

    [Fact]
    public void When_the_worker_is_composed_should_resolve_its_folder_http_and_delivery_record_mappers()
    {
        using var host = AdapterHosts.Build(AdapterHosts.Settings("probation"), b => b.AddProbationAdapter());

        host.Services.GetRequiredService<IRecordMapper<DropFolderRecord>>().ShouldBeOfType<ProbationFolderMapper>()
            .Patterns.ShouldBe(["release-list*.csv", "oasys*.json", "case-transfers*.csv", "consents*.csv", "leaving-care*.csv"]);
        host.Services.GetRequiredService<IRecordMapper<HttpIngestRecord>>().ShouldBeOfType<ProbationHttpMapper>().EventTypes.Count.ShouldBe(7);
        host.Services.GetRequiredService<IDeliveryRecordMapper>().ShouldBeOfType<CaseContactMapper>();
        host.Services.GetRequiredService<IDeliverySink>().ShouldBeOfType<MemoryDeliverySink>();
    }

    [Fact]
    public void When_the_sink_kind_is_drop_folder_should_write_deliveries_to_the_configured_folder()
    {
        var settings = AdapterHosts.Settings("probation");
        settings["Adapter:Sink:Kind"] = "DropFolder";
        settings["Adapter:Sink:DropFolder:Path"] = Path.Combine(_folder, "outbox");
        using var host = AdapterHosts.Build(settings, b => b.AddProbationAdapter());

        host.Services.GetRequiredService<IDeliverySink>().ShouldBeOfType<DropFolderSink>();
    }

    [Theory]
    [InlineData("Broker:Password", null, "Broker:Password")]
    [InlineData("Broker:Username", "adapter-police", "Broker:Username must be 'adapter-probation'")]
    [InlineData("Adapter:Agency", "police", "Adapter:Agency must be 'probation'")]
    [InlineData("Adapter:Sources:DropFolder:Enabled", "true", "Adapter:Sources:DropFolder:Path")]
    [InlineData("Adapter:Sources:Http:Enabled", "true", "Adapter:Sources:Http is enabled but has neither ApiKeys")]
    [InlineData("Adapter:Sink:Kind", "DropFolder", "Adapter:Sink:DropFolder:Path")]
    [InlineData("Adapter:Sink:Kind", "Webhook", "Adapter:Sink:Webhook:Url")]
    public async Task When_a_setting_is_missing_or_invalid_should_fail_start_naming_it(string key, string? value, string expected)
    {
        var settings = AdapterHosts.Settings("probation");
        settings[key] = value;
        using var host = AdapterHosts.Build(settings, b => b.AddProbationAdapter());

        (await AdapterHosts.StartFailureAsync(host)).ShouldContain(expected);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
