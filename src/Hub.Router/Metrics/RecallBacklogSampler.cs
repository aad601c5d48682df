using System.Diagnostics.Metrics;
using Hub.Router.Configuration;
using Hub.Router.Recalls;
using Hub.ServiceDefaults.Metrics;
using Microsoft.Extensions.Options;

namespace Hub.Router.Metrics;

/// <summary>
/// Recalls a recipient has not acknowledged (UK GDPR Art. 19; docs/adr/0007, 0020), from the recall store: how many per
/// recipient agency and cause (consent withdrawal or retraction), and how long the oldest has waited. Every configured
/// agency has a series per cause, zero when clear. The names keep their first word, <c>consent</c>, so dashboards and
/// alerts built on them still work; the cause label tells the two apart.
/// </summary>
public sealed class RecallBacklogSampler : IGaugeSampler
{
    private readonly IRecallStore _store;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<string> _agencies;
    private volatile IReadOnlyList<(string Recipient, RecallCauseKind Cause, int Count, DateTimeOffset? Oldest)> _latest = [];

    public RecallBacklogSampler(IRecallStore store, IOptions<RouterOptions> options, TimeProvider time, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meterFactory);
        _store = store;
        _time = time;
        _agencies = [.. options.Value.Agencies];
        var meter = meterFactory.Create(RouterMetrics.MeterName);
        meter.CreateObservableGauge("agencyhub.consent.recalls.outstanding", ObserveCount, "{recall}", "Recall notices not yet acknowledged, by recipient agency and recall cause");
        meter.CreateObservableGauge("agencyhub.consent.recalls.oldest_age", ObserveAge, "s", "Age of the oldest unacknowledged recall notice, by recipient agency and recall cause (0 when none)");
    }

    public string Name => "consent-recalls";

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var outstanding = await _store.RecallsAsync(includeAcknowledged: false, cancellationToken);
        var backlog = outstanding
            .GroupBy(r => (r.Recipient, r.Cause.Kind))
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Oldest: g.Min(r => r.RequestedAt)));
        _latest = [.. _agencies.Union(outstanding.Select(r => r.Recipient), StringComparer.Ordinal)
            .SelectMany(a => RecallCauseKinds.All.Select(c => backlog.TryGetValue((a, c), out var b) ? (a, c, b.Count, (DateTimeOffset?)b.Oldest) : (a, c, 0, null)))];
    }

    private IEnumerable<Measurement<int>> ObserveCount() => _latest.Select(r => new Measurement<int>(r.Count, Tags(r.Recipient, r.Cause)));

    private IEnumerable<Measurement<double>> ObserveAge()
    {
        var now = _time.GetUtcNow();
        return _latest.Select(r => new Measurement<double>(r.Oldest is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0, Tags(r.Recipient, r.Cause)));
    }

    private static KeyValuePair<string, object?>[] Tags(string recipient, RecallCauseKind cause) =>
    [
        new(HubMetricTags.RecipientAgency, recipient),
        new(HubMetricTags.RecallCause, RecallCauseKinds.ToText(cause)),
    ];
}
