using System.Diagnostics.Metrics;
using Hub.Router.Agreements;
using Hub.Router.Configuration;
using Hub.Router.Metrics;
using Hub.Router.Recalls;
using Hub.Router.Tests.Support;
using Hub.ServiceDefaults.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Router.Tests.Metrics;

/// <summary>The gauges read from outside the process: agreement expiry, outstanding recalls, and what a failing sampler does.</summary>
public sealed class GaugeSamplerTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>, IDisposable
{
    private readonly ServiceProvider _provider = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory Meters => _provider.GetRequiredService<IMeterFactory>();

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task When_the_agreement_set_is_sampled_should_report_seconds_until_each_agreement_expires_as_time_passes()
    {
        var time = new FakeTimeProvider(RouterTestHost.Now);
        using var provider = new FileAgreementProvider(Options.Create(new RouterOptions { AgreementsPath = agreements.Path, Agencies = ["police", "probation", "jcp", "nhs", "council"] }), time, UnobservedMetrics.Router, NullLogger<FileAgreementProvider>.Instance);
        var sampler = new AgreementExpirySampler(provider, time, Meters);
        using var capture = new MetricCapture(Meters);

        await sampler.SampleAsync(CancellationToken.None);
        capture.Observe();
        time.Advance(TimeSpan.FromDays(1));
        capture.Observe();

        var expiresAt = new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var untilExpiry = (expiresAt - RouterTestHost.Now).TotalSeconds;
        capture.Of("agencyhub.agreement.expiry").Select(m => (m.Tag(HubMetricTags.AgreementId), m.Value)).ShouldBe(
        [
            (AgreementsFolder.AgreementId, untilExpiry), (AgreementsFolder.ForbidAgreementId, untilExpiry),
            (AgreementsFolder.AgreementId, untilExpiry - 86400), (AgreementsFolder.ForbidAgreementId, untilExpiry - 86400),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task When_recalls_are_outstanding_should_report_their_count_and_oldest_age_per_recipient_and_cause_and_zero_for_the_rest()
    {
        var time = new FakeTimeProvider(RouterTestHost.Now);
        var store = new RecallStoreFake(
        [
            Recall("council", RouterTestHost.Now.AddHours(-30)),
            Recall("council", RouterTestHost.Now.AddHours(-2)),
            Recall("police", RouterTestHost.Now.AddMinutes(-10)),
            Recall("council", RouterTestHost.Now.AddHours(-5), retraction: true),
        ]);
        var sampler = new RecallBacklogSampler(store, Options.Create(new RouterOptions { Agencies = ["police", "council", "jcp"] }), time, Meters);
        using var capture = new MetricCapture(Meters);

        await sampler.SampleAsync(CancellationToken.None);
        capture.Observe();

        const string Consent = RecallCauseKinds.ConsentWithdrawal;
        const string Retraction = RecallCauseKinds.Retraction;
        capture.Of("agencyhub.consent.recalls.outstanding").Select(m => (m.Tag(HubMetricTags.RecipientAgency), m.Tag(HubMetricTags.RecallCause), m.Value)).ShouldBe(
            [("police", Consent, 1d), ("council", Consent, 2d), ("jcp", Consent, 0d), ("police", Retraction, 0d), ("council", Retraction, 1d), ("jcp", Retraction, 0d)], ignoreOrder: true);
        capture.Of("agencyhub.consent.recalls.oldest_age").Select(m => (m.Tag(HubMetricTags.RecipientAgency), m.Tag(HubMetricTags.RecallCause), m.Value)).ShouldBe(
            [("police", Consent, 600d), ("council", Consent, 30 * 3600d), ("jcp", Consent, 0d), ("police", Retraction, 0d), ("council", Retraction, 5 * 3600d), ("jcp", Retraction, 0d)], ignoreOrder: true);
        capture.Measurements.ShouldAllBe(
            m => m.Tags.Keys.Order().SequenceEqual(new[] { HubMetricTags.RecallCause, HubMetricTags.RecipientAgency }),
            "recall gauges carry the recipient and the cause (two values) only, never a consent id or a retraction id");
    }

    [Fact]
    public async Task When_a_sampler_fails_should_count_the_failure_by_sampler_and_keep_the_previous_sample()
    {
        var time = new FakeTimeProvider(RouterTestHost.Now);
        var store = new RecallStoreFake([Recall("council", RouterTestHost.Now.AddHours(-1))]);
        var sampler = new RecallBacklogSampler(store, Options.Create(new RouterOptions { Agencies = ["council"] }), time, Meters);
        var service = new GaugeSamplingService([sampler], Options.Create(new MetricsOptions()), time, Meters, NullLogger<GaugeSamplingService>.Instance);
        using var capture = new MetricCapture(Meters);

        await service.SampleOnceAsync(CancellationToken.None);
        store.Fail = true;
        await service.SampleOnceAsync(CancellationToken.None);
        capture.Observe();

        capture.Of("agencyhub.metrics.sampling.errors").Single().Tags.ShouldBe(new Dictionary<string, string> { [HubMetricTags.Sampler] = "consent-recalls" });
        capture.Of("agencyhub.consent.recalls.outstanding").Single(m => m.Tag(HubMetricTags.RecallCause) == RecallCauseKinds.ConsentWithdrawal).Value.ShouldBe(1);
    }

    private static RecallNotice Recall(string recipient, DateTimeOffset requestedAt, bool retraction = false) => new()
    {
        RecallId = Guid.NewGuid(),
        Cause = retraction ? RecallCause.ForRetraction(Guid.NewGuid()) : RecallCause.ForConsent("consent-" + Guid.NewGuid().ToString("N")),
        Recipient = recipient,
        WithdrawnAt = requestedAt,
        RequestedAt = requestedAt,
        Deliveries = [],
    };
}
