using Hub.Adapters.Agencies.Tests.Support;
using System.Text.Json;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Council.Deliveries;
using Hub.Adapters.Council.Hosting;
using Hub.Adapters.Council.Sources;
using Hub.Contracts.Agencies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Agencies.Tests.Council;

public sealed class CouncilAdapterCompositionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("agencyhub-council-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task When_the_worker_is_configured_for_folder_http_and_a_drop_folder_sink_should_map_and_deliver_in_council_shapes()
    {
        using var host = Build(new()
        {
            ["Adapter:Sources:DropFolder:Enabled"] = "true",
            ["Adapter:Sources:DropFolder:Path"] = Path.Combine(_root, "drop"),
            ["Adapter:Sources:Http:Enabled"] = "true",
            ["Adapter:Sources:Http:ApiKeys:housing-options"] = new string('k', 32),
            ["Adapter:Sink:Kind"] = "DropFolder",
            ["Adapter:Sink:DropFolder:Path"] = Path.Combine(_root, "outbox"),
        });

        host.Services.GetRequiredService<IRecordMapper<DropFolderRecord>>().ShouldBeOfType<CouncilFolderMapper>();
        host.Services.GetRequiredService<IRecordMapper<HttpIngestRecord>>().ShouldBeOfType<CouncilHttpMapper>();
        host.Services.GetRequiredService<IDeliveryRecordMapper>().ShouldBeOfType<CouncilDeliveryRecordMapper>();
        var delivery = AgencyDeliveries.To(AgencyCode.Council, "employment.status.answered", AgencyCode.Jcp, """
            { "queryId": "2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b1301", "status": "not-employed", "checkedOn": "2026-11-23" }
            """, "DSA-013", "F2-dwp-s131-supply-to-housing", "homelessness-application", gateway: "WRA2012-s131");
        await host.Services.GetRequiredService<IDeliverySink>().HandleAsync(delivery, CancellationToken.None);

        using var written = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_root, "outbox", $"{delivery.DeliveryId:D}.json"), CancellationToken.None));
        written.RootElement.GetProperty("recordType").GetString().ShouldBe(nameof(DwpCheckOutcome));
        written.RootElement.GetProperty("record").GetProperty("service").GetString().ShouldBe("housing-options");
    }

    [Theory]
    [InlineData("Adapter:Sources:DropFolder:Enabled", "true", "Adapter:Sources:DropFolder:Path")]
    [InlineData("Adapter:Sources:Http:Enabled", "true", "Adapter:Sources:Http")]
    [InlineData("Adapter:Sink:Kind", "DropFolder", "Adapter:Sink:DropFolder:Path")]
    [InlineData("Adapter:Agency", "jcp", "Adapter:Agency")]
    [InlineData("Broker:Username", "adapter-jcp", "Broker:Username")]
    public async Task When_a_setting_is_missing_or_wrong_should_fail_start_naming_it(string key, string value, string named)
    {
        using var host = Build(new() { [key] = value });

        var failure = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));

        failure.Message.ShouldContain(named);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var all = AdapterHosts.Settings("council");
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return AdapterHosts.Build(all, b => b.AddCouncilAdapter());
    }
}
