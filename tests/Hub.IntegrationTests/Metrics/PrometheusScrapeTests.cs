using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Metrics;

/// <summary>
/// A real Prometheus (Debian package) scrapes a live router process at <c>/metrics</c> on its health listener, with
/// the deployed alert rules loaded: after events are routed it holds the decision series by outcome and reason, the
/// broker queue gauges and the agreement expiry; every rule evaluates and every dashboard query runs.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class PrometheusScrapeTests(ServersFixture servers) : IAsyncLifetime
{
    private const int Releases = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private BrokerClient _admin = null!;
    private BrokerClient _probation = null!;
    private LedgerDatabase _database = null!;
    private string _agreements = null!;

    public async Task InitializeAsync()
    {
        _admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await _admin.PurgeHubQueuesAsync();
        _probation = await BrokerClient.ConnectAsync(servers.Broker, "adapter-probation");
        _database = await LedgerDatabase.CreateAsync(servers);
        _agreements = TestAgreements.WriteFolder();
    }

    public async Task DisposeAsync()
    {
        await _probation.DisposeAsync();
        await _admin.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task When_prometheus_scrapes_a_live_router_should_hold_its_decision_queue_and_expiry_series()
    {
        var port = FreePort();
        using var router = RouterProcess.Start(servers.Broker, _database.Runtime, _agreements, RouterProcess.NewSubjectKey(), new Dictionary<string, string>
        {
            ["ConnectionStrings__LedgerAdmin"] = _database.Admin,
            ["Health__Urls"] = $"http://127.0.0.1:{port}",
            ["Metrics__SampleInterval"] = "00:00:01",
        });
        var rules = Path.Combine(PrometheusPackage.Repository, "deploy", "prometheus", "rules", "*.yml");
        await using var prometheus = await PrometheusServer.StartAsync($"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files: ["{rules}"]
            scrape_configs:
              - job_name: agencyhub-router
                static_configs:
                  - targets: ["127.0.0.1:{port}"]
            """);

        await Eventually.UntilAsync(() => prometheus.QueryAsync("""up{job="agencyhub-router"} == 1"""), r => r.Count == 1, $"Prometheus to scrape the router (router output: {router.Output.Tail()})", Patience);
        for (var i = 0; i < Releases; i++)
        {
            await _probation.PublishAsync(HubTopology.SubmitExchange(AgencyCode.Probation), MassTransitEnvelope.For(Events.Release()));
        }

        var decisions = await Eventually.UntilAsync(
            () => prometheus.QueryAsync("""sum by (agencyhub_recipient_agency, agencyhub_outcome, agencyhub_reason, agencyhub_agreement_id, agencyhub_flow_id) (agencyhub_router_decisions_total{agencyhub_source_agency="probation", agencyhub_event_type="custody.release.scheduled"})"""),
            r => r.Count == 4 && r.All(s => s.Value == Releases),
            "Prometheus to hold a decision series per recipient, each counting every release",
            Patience);
        decisions.Select(d => (d.Labels["agencyhub_recipient_agency"], d.Labels["agencyhub_outcome"], d.Labels["agencyhub_agreement_id"], d.Labels["agencyhub_flow_id"])).ShouldBe(
        [
            ("police", "allowed", "DSA-IT-1", "F-police"), ("jcp", "allowed", "DSA-IT-1", "F-jcp"),
            ("nhs", "denied", "none", "none"), ("council", "denied", "none", "none"),
        ], ignoreOrder: true);
        decisions.Where(d => d.Labels["agencyhub_outcome"] == "denied").ShouldAllBe(d => d.Labels["agencyhub_reason"] == "no_flow");

        var ingress = await Eventually.UntilAsync(
            () => prometheus.QueryAsync("""agencyhub_broker_queue_consumers{agencyhub_agency="probation", agencyhub_queue_kind="ingress"}"""),
            r => r.Count == 1 && r[0].Value >= 1,
            "the router's consumer on probation's ingress queue, as the broker reports it",
            Patience);
        ingress.ShouldHaveSingleItem();
        (await prometheus.QueryAsync("""count(agencyhub_broker_queue_messages{agencyhub_queue_kind=~".+_error"})""")).ShouldHaveSingleItem().Value.ShouldBe(10, "an ingress and a delivery error-queue series for each of the five agencies");
        (await prometheus.QueryAsync("""agencyhub_agreement_expiry_seconds{agencyhub_agreement_id="DSA-IT-1"}""")).ShouldHaveSingleItem().Value.ShouldBeGreaterThan(365 * 86400d);
        (await prometheus.QueryAsync("""histogram_quantile(0.5, sum by (le) (agencyhub_router_processing_duration_seconds_bucket))""")).ShouldHaveSingleItem();

        var evaluated = await Eventually.UntilAsync(prometheus.RulesAsync, r => r.Count > 0 && r.All(x => x.Health != "unknown"), "every alert rule evaluated once", Patience);
        evaluated.Where(r => r.Health != "ok").ShouldBeEmpty();

        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(PrometheusPackage.Repository, "deploy", "grafana", "dashboards", "agencyhub-overview.json")));
        foreach (var expr in dashboard.RootElement.GetProperty("panels").EnumerateArray().Where(p => p.TryGetProperty("targets", out _)).SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!))
        {
            // Throws with Prometheus's parse error for a query it refuses.
            await prometheus.QueryAsync(expr.Replace("$source", ".*", StringComparison.Ordinal).Replace("$recipient", ".*", StringComparison.Ordinal));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
