using System.Net;
using System.Text.RegularExpressions;
using Hub.Adapters.Core.Metrics;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Envelope;
using Hub.Router.Agreements;
using Hub.Router.Configuration;
using Hub.Router.Recalls;
using Hub.Router.Metrics;
using Hub.Router.Tests.Support;
using Hub.ServiceDefaults.Health;
using Hub.ServiceDefaults.Metrics;
using Hub.Sharing.Decisions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.Router.Tests.Metrics;

/// <summary>
/// <c>/metrics</c> on the health listener, through the real OpenTelemetry Prometheus exporter: it answers, and names
/// each instrument as <see cref="ExportedMetrics.PrometheusName"/> says (the dashboard and alert checks rely on it).
/// </summary>
[Collection(ProcessWideMetrics.Name)]
public sealed partial class ScrapeEndpointTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task When_measurements_exist_should_serve_them_at_metrics_under_the_names_the_dashboards_use()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Health:Urls"] = "http://127.0.0.1:0",
            ["Router:AgreementsPath"] = agreements.Path,
            ["Router:Agencies:0"] = "police",
            ["Router:Agencies:1"] = "council",
        });
        builder.AddHubHealth();
        builder.AddRouterMetrics(sampleBrokerQueues: false);
        builder.AddHubMetrics(AdapterMetrics.MeterName);
        builder.Services.AddOptions<RouterOptions>().Bind(builder.Configuration.GetSection(RouterOptions.SectionName));
        builder.Services.AddSingleton<IAgreementProvider, FileAgreementProvider>();
        builder.Services.AddSingleton<IRecallStore>(new RecallStoreFake([]));
        builder.Services.AddSingleton<AdapterMetrics>();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var router = host.Services.GetRequiredService<RouterMetrics>();
            var adapter = host.Services.GetRequiredService<AdapterMetrics>();
            router.Decided("probation", "custody.release.scheduled", [new Decision { Recipient = AgencyCode.Police, Outcome = DecisionOutcome.Allowed, AgreementId = "DSA-T01", FlowId = "F1", Reasons = ["permitted"], ReasonCode = DecisionReasonCodes.Basis }]);
            router.Rejected("police", "forged-source");
            router.Routed("probation", "custody.release.scheduled", TimeSpan.FromMilliseconds(12));
            router.Received("probation", TimeSpan.FromMilliseconds(3));
            router.LedgerGroupCommitted(events: 40, sentMarks: 120);
            router.AgreementsRefused(RefusalScopes.Agreement, 1);
            router.ConsentHeld("probation", "custody.release.scheduled");
            router.ConsentHoldReleased("probation", "window-ended");
            router.ConsentHoldsOutstanding(2);
            adapter.Published("probation", "custody.release.scheduled");
            adapter.Delivery(Delivery(), AdapterMetrics.Results.Handled);
            adapter.Written(Delivery(), RouterTestHost.Now);
            await host.Services.GetRequiredService<GaugeSamplingService>().SampleOnceAsync(CancellationToken.None);
            var address = host.Services.GetRequiredService<HealthEndpointServer>().Addresses.ShouldHaveSingleItem();

            using var response = await Http.GetAsync(new Uri(address, PrometheusScrapeEndpoint.Path));
            var text = await response.Content.ReadAsStringAsync();

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var served = TypeLine().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var expected = ExportedMetrics.Instruments(agreements.Path)
                .Where(i => !i.Name.StartsWith("agencyhub.broker.", StringComparison.Ordinal) && i.Name != "agencyhub.metrics.sampling.errors")
                .Select(ExportedMetrics.PrometheusName)
                .ToList();
            expected.Count.ShouldBe(17);
            expected.Where(e => !served.Contains(e)).ShouldBeEmpty($"served: {string.Join(", ", served.Where(s => s.StartsWith("agencyhub", StringComparison.Ordinal)))}");
            text.ShouldContain("""agencyhub_router_decisions_total{otel_scope_name="AgencyHub.Router",agencyhub_agreement_id="DSA-T01",agencyhub_event_type="custody.release.scheduled",agencyhub_flow_id="F1",agencyhub_outcome="allowed",agencyhub_reason="basis",agencyhub_recipient_agency="police",agencyhub_source_agency="probation"} 1""", Case.Sensitive);
            text.ShouldContain("agencyhub_adapter_end_to_end_latency_seconds_bucket{");
            text.ShouldContain("""agencyhub_router_agreements_reload_refused_total{otel_scope_name="AgencyHub.Router",agencyhub_refusal_scope="agreement"} 1""", Case.Sensitive);
            text.ShouldContain("""agencyhub_router_consent_held{otel_scope_name="AgencyHub.Router"} 2""", Case.Sensitive);
            text.ShouldContain("""agencyhub_consent_recalls_outstanding{otel_scope_name="AgencyHub.Router",agencyhub_recall_cause="consent-withdrawal",agencyhub_recipient_agency="council"} 0""", Case.Sensitive);
            text.ShouldContain("""agencyhub_consent_recalls_outstanding{otel_scope_name="AgencyHub.Router",agencyhub_recall_cause="retraction",agencyhub_recipient_agency="council"} 0""", Case.Sensitive);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static EventDelivered Delivery() => new()
    {
        DeliveryId = Guid.NewGuid(),
        EventId = Guid.NewGuid(),
        EventType = "custody.release.scheduled",
        Source = AgencyCode.Probation,
        Recipient = AgencyCode.Police,
        OccurredAt = RouterTestHost.Now.AddMinutes(-5),
        DecidedAt = RouterTestHost.Now.AddSeconds(-1),
        Classification = DataClassification.CriminalOffence,
        Payload = default,
        AgreementId = "DSA-T01",
        AgreementVersion = 1,
        FlowId = "F1",
        Purpose = "offender-management",
        LawfulBasis = "public task",
        WithheldFields = [],
        Obligations = Obligations.None,
        AgreementSetHash = "hash",
    };

    [GeneratedRegex(@"^# TYPE (\S+) ", RegexOptions.Multiline)]
    private static partial Regex TypeLine();
}
