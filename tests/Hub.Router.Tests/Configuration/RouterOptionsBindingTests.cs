using System.Security.Cryptography;
using Hub.Contracts.Agencies;
using Hub.Router.Configuration;
using Hub.Router.Hosting;
using Hub.Router.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Router.Tests.Configuration;

public sealed class RouterOptionsBindingTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>
{
    [Fact]
    public void When_agencies_are_configured_should_use_exactly_the_configured_list()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Router:Agencies:0"] = "police",
            ["Router:Agencies:1"] = "probation",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddHubRouterCore(configuration).BuildServiceProvider();

        provider.GetRequiredService<IOptions<RouterOptions>>().Value.Agencies.ShouldBe(["police", "probation"]);
    }

    [Fact]
    public async Task When_the_router_runs_with_its_shipped_settings_should_create_its_bus_and_route()
    {
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        var agencies = shipped.AsEnumerable().Where(kv => kv.Key.StartsWith("Router:Agencies:", StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value);
        agencies.Count.ShouldBe(5);

        await using var host = await RouterTestHost.StartAsync(agreements.Path, moreSettings: agencies);

        (await host.RouteValidReleaseAsync()).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("16", null, 16)]
    [InlineData("512", null, 128)]
    [InlineData("512", "300", 300)]
    public void When_only_the_prefetch_is_set_should_decide_at_most_that_many_at_once(string prefetch, string? limit, int effective)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Router:PrefetchCount"] = prefetch,
            ["Router:ConcurrentMessageLimit"] = limit,
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddHubRouterCore(configuration).BuildServiceProvider();

        provider.GetRequiredService<IOptions<RouterOptions>>().Value.EffectiveConcurrentMessageLimit.ShouldBe(effective);
    }

    [Fact]
    public void When_the_concurrency_exceeds_the_prefetch_should_refuse_to_start_naming_both()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Router:PrefetchCount"] = "16",
            ["Router:ConcurrentMessageLimit"] = "64",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddHubRouterCore(configuration).BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RouterOptions>>().Value)
            .Message.ShouldContain("Router:ConcurrentMessageLimit (64) cannot exceed Router:PrefetchCount (16)");
    }

    [Fact]
    public void When_no_agencies_are_configured_should_use_the_five_well_known_ones()
    {
        using var provider = new ServiceCollection().AddLogging().AddHubRouterCore(new ConfigurationBuilder().Build()).BuildServiceProvider();

        provider.GetRequiredService<IOptions<RouterOptions>>().Value.Agencies.ShouldBe(AgencyCode.WellKnown.Select(a => a.Value));
    }

    [Theory]
    [InlineData("police", "police")]
    [InlineData("police", "Not An Agency")]
    [InlineData("police", "")]
    public void When_agencies_repeat_or_are_not_agency_codes_should_refuse_to_start(string first, string second)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Router:Agencies:0"] = first,
            ["Router:Agencies:1"] = second,
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddHubRouterCore(configuration).BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RouterOptions>>().Value)
            .Message.ShouldContain("Router:Agencies");
    }
}
