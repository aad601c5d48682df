using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Delivery.V1;
using Hub.ServiceDefaults.Metrics;

namespace Hub.Adapters.Core.Metrics;

/// <summary>
/// An adapter's counters and histograms on the <c>AgencyHub.Adapter</c> meter, measured where the recipient's sink
/// writes: delivery lag (router decision → sink write) and end-to-end latency (source event time → sink write).
/// Labels are agency codes, event-type names and fixed result codes; never delivery ids or payload values.
/// </summary>
public sealed class AdapterMetrics
{
    public const string MeterName = "AgencyHub.Adapter";

    /// <summary>Values of the <c>agencyhub.result</c> label of <c>agencyhub.adapter.deliveries</c>.</summary>
    public static class Results
    {
        public const string Handled = "handled";
        public const string Duplicate = "duplicate";
        public const string Failed = "failed";
        public const string Misaddressed = "misaddressed";
        public const string SignatureInvalid = "signature-invalid";
    }

    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _published;
    private readonly Histogram<double> _lag;
    private readonly Histogram<double> _endToEnd;

    public AdapterMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("agencyhub.adapter.deliveries", "{delivery}", "Deliveries received by the recipient adapter, by source and recipient agency, event type and result");
        _published = meter.CreateCounter<long>("agencyhub.adapter.published", "{event}", "Events the adapter submitted to the hub, by source agency and event type");
        var buckets = new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets.Seconds };
        _lag = meter.CreateHistogram("agencyhub.adapter.delivery.lag", "s", "From the router's decision to the recipient sink's write, by source and recipient agency", tags: null, advice: buckets);
        _endToEnd = meter.CreateHistogram("agencyhub.adapter.end_to_end.latency", "s", "From the source event's time to the recipient sink's write, by source and recipient agency and event type", tags: null, advice: buckets);
    }

    public void Published(string source, string eventType) =>
        _published.Add(1, new KeyValuePair<string, object?>(HubMetricTags.SourceAgency, source), new KeyValuePair<string, object?>(HubMetricTags.EventType, eventType));

    public void Delivery(EventDelivered delivery, string result)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var tags = Tags(delivery);
        tags.Add(HubMetricTags.Result, result);
        _deliveries.Add(1, tags);
    }

    /// <summary>Records both latencies of a delivery the sink wrote at <paramref name="written"/>; clock skew counts as zero.</summary>
    public void Written(EventDelivered delivery, DateTimeOffset written)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var tags = Tags(delivery);
        _endToEnd.Record(Math.Max(0, (written - delivery.OccurredAt).TotalSeconds), tags);
        _lag.Record(Math.Max(0, (written - delivery.DecidedAt).TotalSeconds), new KeyValuePair<string, object?>(HubMetricTags.SourceAgency, delivery.Source.Value), new KeyValuePair<string, object?>(HubMetricTags.RecipientAgency, delivery.Recipient.Value));
    }

    private static TagList Tags(EventDelivered delivery) => new()
    {
        { HubMetricTags.SourceAgency, delivery.Source.Value },
        { HubMetricTags.RecipientAgency, delivery.Recipient.Value },
        { HubMetricTags.EventType, EventTypeLabel(delivery) },
    };

    /// <summary>
    /// The delivery's event type if it is a catalogued one, else <c>unknown</c>: the field is the sender's text (a
    /// misaddressed or forged delivery is counted before it is refused), and a label value is kept and exported.
    /// </summary>
    public static string EventTypeLabel(EventDelivered delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery.EventType is { } name && EventCatalogue.TryGet(name, out var info) ? info.Name : "unknown";
    }
}
