using System.Diagnostics.Metrics;
using Hub.Router.Agreements;
using Hub.ServiceDefaults.Metrics;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;

namespace Hub.Router.Metrics;

/// <summary>
/// <c>agencyhub.agreement.expiry</c>: seconds until each active agreement of the set in force stops applying (the
/// start of its <c>expires</c> day, UTC), so an alert can fire weeks ahead. Agreements without an expiry have no series.
/// </summary>
public sealed class AgreementExpirySampler : IGaugeSampler
{
    private readonly IAgreementProvider _agreements;
    private readonly TimeProvider _time;
    private volatile IReadOnlyList<(string AgreementId, DateTimeOffset EndsAt)> _latest = [];

    public AgreementExpirySampler(IAgreementProvider agreements, TimeProvider time, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _agreements = agreements;
        _time = time;
        meterFactory.Create(RouterMetrics.MeterName).CreateObservableGauge("agencyhub.agreement.expiry", Observe, "s", "Seconds until the agreement stops applying (negative once past); only agreements with an expiry date");
    }

    public string Name => "agreement-expiry";

    public Task SampleAsync(CancellationToken cancellationToken)
    {
        var set = (_agreements.Current as AgreementDecisionEngine)?.Agreements.Agreements ?? [];
        _latest = [.. set
            .Where(a => a.Status == AgreementStatus.Active && a.Expires is not null)
            .GroupBy(a => a.Id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(a => a.Version)!)
            .Select(a => (a.Id, new DateTimeOffset(a.Expires!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)))];
        return Task.CompletedTask;
    }

    private IEnumerable<Measurement<double>> Observe()
    {
        var now = _time.GetUtcNow();
        return _latest.Select(a => new Measurement<double>((a.EndsAt - now).TotalSeconds, new KeyValuePair<string, object?>(HubMetricTags.AgreementId, a.AgreementId)));
    }
}
