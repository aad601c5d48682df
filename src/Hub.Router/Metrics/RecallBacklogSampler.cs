using System.Diagnostics.Metrics;
using Hub.Router.Configuration;
using Hub.Router.Consent;
using Hub.ServiceDefaults.Metrics;
using Microsoft.Extensions.Options;

namespace Hub.Router.Metrics;

/// <summary>
/// Consent recalls a recipient has not acknowledged (UK GDPR Art. 19, docs/adr/0007), from the consent store: how many
/// per recipient agency, and how long the oldest has waited. Every configured agency has a series, zero when clear.
/// </summary>
public sealed class RecallBacklogSampler : IGaugeSampler
{
    private readonly IConsentStore _store;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<string> _agencies;
    private volatile IReadOnlyList<(string Recipient, int Count, DateTimeOffset? Oldest)> _latest = [];

    public RecallBacklogSampler(IConsentStore store, IOptions<RouterOptions> options, TimeProvider time, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meterFactory);
        _store = store;
        _time = time;
        _agencies = [.. options.Value.Agencies];
        var meter = meterFactory.Create(RouterMetrics.MeterName);
        meter.CreateObservableGauge("agencyhub.consent.recalls.outstanding", ObserveCount, "{recall}", "Recall notices not yet acknowledged, by recipient agency");
        meter.CreateObservableGauge("agencyhub.consent.recalls.oldest_age", ObserveAge, "s", "Age of the oldest unacknowledged recall notice, by recipient agency (0 when none)");
    }

    public string Name => "consent-recalls";

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var outstanding = await _store.RecallsAsync(includeAcknowledged: false, cancellationToken);
        var byRecipient = outstanding.GroupBy(r => r.Recipient, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (Count: g.Count(), Oldest: g.Min(r => r.RequestedAt)), StringComparer.Ordinal);
        _latest = [.. _agencies.Union(byRecipient.Keys, StringComparer.Ordinal)
            .Select(a => byRecipient.TryGetValue(a, out var b) ? (a, b.Count, (DateTimeOffset?)b.Oldest) : (a, 0, null))];
    }

    private IEnumerable<Measurement<int>> ObserveCount() =>
        _latest.Select(r => new Measurement<int>(r.Count, new KeyValuePair<string, object?>(HubMetricTags.RecipientAgency, r.Recipient)));

    private IEnumerable<Measurement<double>> ObserveAge()
    {
        var now = _time.GetUtcNow();
        return _latest.Select(r => new Measurement<double>(r.Oldest is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0, new KeyValuePair<string, object?>(HubMetricTags.RecipientAgency, r.Recipient)));
    }
}
