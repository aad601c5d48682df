using Hub.Adapters.Agencies.Tests.Support;
using System.Text.Json;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Jcp.Deliveries;
using Hub.Adapters.Jcp.Hosting;
using Hub.Adapters.Jcp.Sources;
using Hub.Contracts.Agencies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Agencies.Tests.Jcp;

public sealed class JcpAdapterCompositionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("agencyhub-jcp-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task When_the_worker_is_configured_for_folder_http_and_a_drop_folder_sink_should_map_and_deliver_in_jcp_shapes()
    {
        using var host = Build(new()
        {
            ["Adapter:Sources:DropFolder:Enabled"] = "true",
            ["Adapter:Sources:DropFolder:Path"] = Path.Combine(_root, "drop"),
            ["Adapter:Sources:Http:Enabled"] = "true",
            ["Adapter:Sources:Http:ApiKeys:benefit-system"] = new string('k', 32),
            ["Adapter:Sink:Kind"] = "DropFolder",
            ["Adapter:Sink:DropFolder:Path"] = Path.Combine(_root, "outbox"),
        });

        host.Services.GetRequiredService<IRecordMapper<DropFolderRecord>>().ShouldBeOfType<JcpFolderMapper>();
        host.Services.GetRequiredService<IRecordMapper<HttpIngestRecord>>().ShouldBeOfType<JcpHttpMapper>();
        host.Services.GetRequiredService<IDeliveryRecordMapper>().ShouldBeOfType<JcpDeliveryRecordMapper>();
        var delivery = AgencyDeliveries.To(AgencyCode.Jcp, "custody.release.scheduled", AgencyCode.Probation, """
            { "subject": { "nino": "JZ204060B" }, "releaseDate": "2026-12-04", "establishment": "HMP Sampleton" }
            """, "DSA-001", "F3-jcp-benefit-continuity", "benefit-continuity");
        await host.Services.GetRequiredService<IDeliverySink>().HandleAsync(delivery, CancellationToken.None);

        using var written = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_root, "outbox", $"{delivery.DeliveryId:D}.json"), CancellationToken.None));
        written.RootElement.GetProperty("recordType").GetString().ShouldBe(nameof(ClaimAppointmentRequest));
        written.RootElement.GetProperty("record").GetProperty("releaseDate").GetString().ShouldBe("2026-12-04");
    }

    [Theory]
    [InlineData("Adapter:Sources:DropFolder:Enabled", "true", "Adapter:Sources:DropFolder:Path")]
    [InlineData("Adapter:Sources:Http:Enabled", "true", "Adapter:Sources:Http")]
    [InlineData("Adapter:Sink:Kind", "DropFolder", "Adapter:Sink:DropFolder:Path")]
    [InlineData("Adapter:Agency", "council", "Adapter:Agency")]
    [InlineData("Broker:Username", "adapter-council", "Broker:Username")]
    public async Task When_a_setting_is_missing_or_wrong_should_fail_start_naming_it(string key, string value, string named)
    {
        using var host = Build(new() { [key] = value });

        var failure = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));

        failure.Message.ShouldContain(named);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var all = AdapterHosts.Settings("jcp");
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return AdapterHosts.Build(all, b => b.AddJcpAdapter());
    }
}
