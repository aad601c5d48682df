using System.Diagnostics.Metrics;
using Hub.Adapters.Core.Metrics;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Router.Tests.Support;
using Hub.ServiceDefaults.Metrics;
using Hub.Sharing.Decisions;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Router.Tests.Metrics;

/// <summary>
/// The router's and the recipient adapter's meters over real routing (in-memory transport): what each decision and
/// delivery counts, and that every label is from a bounded set and never carries an identifier or a payload value.
/// </summary>
public sealed class RouterMetricsTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>
{
    private static readonly HashSet<string> AllowedTagNames =
    [
        HubMetricTags.SourceAgency, HubMetricTags.RecipientAgency, HubMetricTags.EventType, HubMetricTags.Outcome, HubMetricTags.Reason,
        HubMetricTags.AgreementId, HubMetricTags.FlowId, HubMetricTags.RejectionCode, HubMetricTags.Result,
    ];

    [Fact]
    public async Task When_events_are_routed_should_count_each_decision_by_outcome_reason_agreement_and_flow()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        using var capture = new MetricCapture(host.Services.GetRequiredService<IMeterFactory>());
        var release = TestEvents.Release();
        var discharge = TestEvents.Discharge();

        await host.RouteValidReleaseAsync(release);
        await host.SendAsync(AgencyCode.Nhs, discharge);
        // Counted once the deliveries are sent, after the ledger commit.
        await Eventually.UntilAsync(() => capture.Of("agencyhub.router.processing.duration"), m => m.Count >= 2, "both events routed");

        var decisions = capture.Of("agencyhub.router.decisions").Where(m => m.Tag(HubMetricTags.EventType) == "custody.release.scheduled").ToList();
        decisions.Select(d => (d.Tag(HubMetricTags.RecipientAgency), d.Tag(HubMetricTags.Outcome), d.Tag(HubMetricTags.AgreementId), d.Tag(HubMetricTags.FlowId), d.Tag(HubMetricTags.SourceAgency)))
            .ShouldBe(
            [
                ("police", "allowed", AgreementsFolder.AgreementId, AgreementsFolder.PoliceFlow, "probation"),
                ("jcp", "allowed", AgreementsFolder.AgreementId, AgreementsFolder.JcpFlow, "probation"),
                ("nhs", "denied", HubMetricTags.None, HubMetricTags.None, "probation"),
                ("council", "denied", HubMetricTags.None, HubMetricTags.None, "probation"),
            ],
            ignoreOrder: true);
        decisions.Where(d => d.Tag(HubMetricTags.Outcome) == "denied").ShouldAllBe(d => d.Tags[HubMetricTags.Reason] == DecisionReasonCodes.NoFlow);
        decisions.ShouldAllBe(d => d.Value == 1);

        var forbidden = capture.Of("agencyhub.router.decisions").Single(m => m.Tag(HubMetricTags.EventType) == "health.discharge.planned" && m.Tag(HubMetricTags.RecipientAgency) == "police");
        (forbidden.Tag(HubMetricTags.Outcome), forbidden.Tag(HubMetricTags.Reason), forbidden.Tag(HubMetricTags.AgreementId), forbidden.Tag(HubMetricTags.FlowId))
            .ShouldBe(("denied", DecisionReasonCodes.Forbidden, AgreementsFolder.ForbidAgreementId, AgreementsFolder.ForbidFlow));

        capture.Of("agencyhub.router.processing.duration").Select(m => m.Tag(HubMetricTags.EventType)).ShouldBe(["custody.release.scheduled", "health.discharge.planned"], ignoreOrder: true);
        capture.Of("agencyhub.router.ingress.lag").Count.ShouldBe(2);
    }

    [Fact]
    public async Task When_a_delivery_is_written_should_measure_its_lag_and_end_to_end_latency_at_the_recipient()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        using var capture = new MetricCapture(host.Services.GetRequiredService<IMeterFactory>());

        await host.RouteValidReleaseAsync();
        await Eventually.UntilAsync(() => capture.Of("agencyhub.adapter.deliveries"), d => d.Count >= 2, "both deliveries counted");

        // The harness clock stands still at RouterTestHost.Now: the decision and the write happen at the same instant,
        // half an hour after the event occurred.
        var endToEnd = capture.Of("agencyhub.adapter.end_to_end.latency");
        endToEnd.Select(m => (m.Tag(HubMetricTags.RecipientAgency), m.Value)).ShouldBe([("police", 1800d), ("jcp", 1800d)], ignoreOrder: true);
        capture.Of("agencyhub.adapter.delivery.lag").Select(m => (m.Tag(HubMetricTags.RecipientAgency), m.Value)).ShouldBe([("police", 0d), ("jcp", 0d)], ignoreOrder: true);
        capture.Of("agencyhub.adapter.deliveries").ShouldAllBe(m => m.Tags[HubMetricTags.Result] == AdapterMetrics.Results.Handled && m.Tags[HubMetricTags.SourceAgency] == "probation");
    }

    [Fact]
    public async Task When_personal_and_refused_events_pass_through_should_label_every_measurement_from_bounded_sets_only()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        using var capture = new MetricCapture(host.Services.GetRequiredService<IMeterFactory>());
        var release = TestEvents.Release();
        var forged = TestEvents.Release(source: AgencyCode.Probation);

        await host.RouteValidReleaseAsync(release);
        await host.SendAsync(AgencyCode.Nhs, TestEvents.Discharge());
        var forgedId = await host.SendAsync(AgencyCode.Police, forged);
        await host.WaitForErrorQueueAsync(forgedId);
        await Eventually.UntilAsync(() => capture.Of("agencyhub.router.rejections"), r => r.Count >= 1, "the rejection counted");
        await Eventually.UntilAsync(() => capture.Of("agencyhub.adapter.deliveries"), d => d.Count >= 2, "the deliveries counted");
        await Eventually.UntilAsync(() => capture.Of("agencyhub.router.processing.duration"), m => m.Count >= 2, "both events routed");

        capture.Of("agencyhub.router.rejections").Single().Tags.ShouldBe(new Dictionary<string, string>
        {
            [HubMetricTags.SourceAgency] = "police",
            [HubMetricTags.RejectionCode] = "forged-source",
        });

        var secrets = new[]
        {
            TestEvents.NhsNumber, TestEvents.Nino, TestEvents.LocalId, TestEvents.PncId, release.AddressOnRelease!, release.Establishment,
            release.Envelope.EventId.ToString(), forged.Envelope.EventId.ToString(), forgedId.ToString(), "1 Example Row", "Sample Close",
        };
        var agencies = AgencyCode.WellKnown.Select(a => a.Value).Append("unknown").ToHashSet();
        var eventTypes = EventCatalogue.All.Select(e => e.Name).ToHashSet();
        var ids = new HashSet<string> { AgreementsFolder.AgreementId, AgreementsFolder.ForbidAgreementId, AgreementsFolder.PoliceFlow, AgreementsFolder.JcpFlow, AgreementsFolder.ForbidFlow, HubMetricTags.None };
        capture.Measurements.Count.ShouldBeGreaterThan(10);
        foreach (var measurement in capture.Measurements)
        {
            foreach (var (name, value) in measurement.Tags)
            {
                AllowedTagNames.ShouldContain(name, $"{measurement.Instrument} has an unexpected label {name}");
                secrets.ShouldAllBe(secret => !value.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{measurement.Instrument} label {name}={value} carries personal or per-message data");
                var bounded = name switch
                {
                    HubMetricTags.SourceAgency or HubMetricTags.RecipientAgency => agencies.Contains(value),
                    HubMetricTags.EventType => eventTypes.Contains(value),
                    HubMetricTags.AgreementId or HubMetricTags.FlowId => ids.Contains(value),
                    HubMetricTags.Outcome => value is "allowed" or "denied",
                    HubMetricTags.Reason => DecisionReasonCodes.All.Contains(value),
                    HubMetricTags.Result => value is AdapterMetrics.Results.Handled or AdapterMetrics.Results.Duplicate or AdapterMetrics.Results.Failed or AdapterMetrics.Results.Misaddressed,
                    HubMetricTags.RejectionCode => value.Length <= 40 && value.All(c => char.IsAsciiLetterLower(c) || c == '-'),
                    _ => false,
                };
                bounded.ShouldBeTrue($"{measurement.Instrument} label {name}={value} is outside its bounded set");
            }
        }
    }
}
