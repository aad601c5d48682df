using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Core.Sinks.DropFolder;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Nhs.Deliveries;
using Hub.Adapters.Nhs.Fhir;
using Hub.Adapters.Nhs.Hosting;
using Hub.Adapters.Nhs.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Agencies.Tests.Nhs;

/// <summary>
/// The worker as <c>Program.cs</c> composes it (<c>AddNhsAdapter</c>), from in-memory configuration. Start-up
/// validation is run as the host runs it (<see cref="IStartupValidator"/>) without starting the bus.
/// </summary>
public sealed class NhsAdapterCompositionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("nhs-adapter-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void When_both_sources_and_a_drop_folder_sink_are_configured_should_resolve_the_nhs_mappers_and_pass_validation()
    {
        using var host = Build(Configured());

        host.Services.GetRequiredService<IRecordMapper<DropFolderRecord>>().ShouldBeOfType<NhsFolderMapper>();
        host.Services.GetRequiredService<IRecordMapper<HttpIngestRecord>>().ShouldBeOfType<NhsHttpMapper>();
        host.Services.GetRequiredService<IDeliveryRecordMapper>().ShouldBeOfType<NhsDeliveryRecordMapper>();
        host.Services.GetRequiredService<IDeliverySink>().ShouldBeOfType<DropFolderSink>();
        Should.NotThrow(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void When_only_the_shipped_appsettings_and_a_password_are_given_should_start_with_sources_off_and_deliveries_in_memory()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonFile(RepoPaths.File("src", "Adapters", "Hub.Adapters.Nhs", "appsettings.json"));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Broker:Password"] = "synthetic-test-password" });
        builder.AddNhsAdapter();
        using var host = builder.Build();

        Should.NotThrow(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        host.Services.GetRequiredService<IOptions<DropFolderOptions>>().Value.Enabled.ShouldBeFalse();
        host.Services.GetRequiredService<IOptions<HttpIngestOptions>>().Value.Enabled.ShouldBeFalse();
        host.Services.GetRequiredService<IDeliverySink>().ShouldBeOfType<MemoryDeliverySink>();
    }

    [Theory]
    [InlineData("Adapter:Sources:DropFolder:Path", "", "Adapter:Sources:DropFolder:Path is required")]
    [InlineData("Adapter:Sources:Http:ApiKeys:integration-engine", "too-short", "Adapter:Sources:Http:ApiKeys:integration-engine must be at least 32 characters")]
    [InlineData("Adapter:Sink:DropFolder:Path", "", "Adapter:Sink:DropFolder:Path is required")]
    [InlineData("Adapter:Agency", "police", "Adapter:Agency must be 'nhs'")]
    [InlineData("Broker:Username", "adapter-police", "Broker:Username must be 'adapter-nhs'")]
    [InlineData("Broker:Password", "", "Broker:Password is required")]
    [InlineData("Nhs:Fhir:CanonicalBase", "", "Nhs:Fhir:CanonicalBase is required")]
    [InlineData("Nhs:Fhir:CanonicalBase", "http://fhir.hub.test", "Nhs:Fhir:CanonicalBase must be an absolute https URL")]
    public void When_a_setting_is_missing_or_wrong_should_fail_start_naming_it(string key, string value, string expected)
    {
        var settings = Configured();
        settings[key] = value;
        using var host = Build(settings);

        var failure = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        failure.Message.ShouldContain(expected);
    }

    [Fact]
    public void When_a_canonical_base_is_configured_the_delivery_records_should_name_the_hubs_systems_under_it()
    {
        using var host = Build(Configured());
        var mapper = host.Services.GetRequiredService<IDeliveryRecordMapper>();

        var record = mapper.Map(NhsDeliveries.ReleaseScheduled()).ShouldNotBeNull().Value.ShouldBeOfType<FhirR4Resource>();

        record.Json.GetProperty("identifier")[0].GetProperty("system").GetString().ShouldBe("https://fhir.hub.test/Id/delivery");
    }

    [Fact]
    public void When_the_sink_kind_is_not_a_known_kind_should_fail_naming_the_setting()
    {
        var settings = Configured();
        settings["Adapter:Sink:Kind"] = "Fax";

        var failure = Should.Throw<InvalidOperationException>(() => Build(settings).Dispose());

        failure.Message.ShouldContain("Adapter:Sink:Kind");
    }

    private Dictionary<string, string?> Configured() => new()
    {
        ["Adapter:Agency"] = "nhs",
        ["Broker:Username"] = "adapter-nhs",
        ["Broker:Password"] = "synthetic-test-password",
        ["Adapter:Sources:DropFolder:Enabled"] = "true",
        ["Adapter:Sources:DropFolder:Path"] = Path.Combine(_root, "in"),
        ["Adapter:Sources:Http:Enabled"] = "true",
        ["Adapter:Sources:Http:ApiKeys:integration-engine"] = "synthetic-key-0123456789abcdef0123456789",
        ["Adapter:Sink:Kind"] = "DropFolder",
        ["Adapter:Sink:DropFolder:Path"] = Path.Combine(_root, "out"),
        ["Nhs:Fhir:CanonicalBase"] = "https://fhir.hub.test",
    };

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddNhsAdapter();
        return builder.Build();
    }
}
