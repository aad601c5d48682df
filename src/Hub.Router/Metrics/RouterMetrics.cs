using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hub.ServiceDefaults.Metrics;
using Hub.Sharing.Decisions;

namespace Hub.Router.Metrics;

/// <summary>
/// The router's counters and histograms on the <c>AgencyHub.Router</c> meter. Labels are agency codes, event-type
/// names, agreement and flow ids and fixed codes (<see cref="HubMetricTags"/>): never subject data or worded reasons.
/// The gauges read from outside the process live with their samplers on the same meter.
/// </summary>
public sealed class RouterMetrics
{
    public const string MeterName = "AgencyHub.Router";

    private readonly Counter<long> _decisions;
    private readonly Counter<long> _rejections;
    private readonly Histogram<double> _processing;
    private readonly Histogram<double> _ingressLag;
    private readonly Histogram<long> _groupEvents;
    private readonly Counter<long> _sentMarks;
    private readonly Counter<long> _agreementsRefused;
    private readonly Counter<long> _consentHolds;
    private readonly Counter<long> _consentHoldReleases;
    private int _consentHoldsOutstanding;

    public RouterMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _decisions = meter.CreateCounter<long>("agencyhub.router.decisions", "{decision}", "Sharing decisions by outcome, reason code, agreement, flow, source and recipient agency and event type");
        _rejections = meter.CreateCounter<long>("agencyhub.router.rejections", "{message}", "Ingress messages refused, by source agency and rejection code");
        var buckets = new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets.Seconds };
        _processing = meter.CreateHistogram("agencyhub.router.processing.duration", "s", "Router time for one ingress event: validate, decide, ledger commit, send deliveries", tags: null, advice: buckets);
        _groupEvents = meter.CreateHistogram("agencyhub.router.ledger.group.events", "{event}", "Events committed per ledger transaction (group commit)", tags: null, advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });
        _sentMarks = meter.CreateCounter<long>("agencyhub.router.ledger.sent.marks", "{delivery}", "Confirmed deliveries recorded as sent");
        _agreementsRefused = meter.CreateCounter<long>("agencyhub.router.agreements.reload.refused", "{refusal}", "Agreement loads refused, at start-up and on each reload: one per refused agreement file (scope agreement), or one when the whole folder is refused (scope set)");
        _ingressLag = meter.CreateHistogram("agencyhub.router.ingress.lag", "s", "From the adapter's publish to the router's consume, by source agency", tags: null, advice: buckets);
        _consentHolds = meter.CreateCounter<long>("agencyhub.router.consent.holds", "{event}", "Events held because the consent they cite is not recorded yet, by source agency and event type");
        _consentHoldReleases = meter.CreateCounter<long>("agencyhub.router.consent.hold.releases", "{event}", "Held events sent back to be decided, by source agency and reason (consent-recorded, retracted, window-ended)");
        meter.CreateObservableGauge("agencyhub.router.consent.held", () => Volatile.Read(ref _consentHoldsOutstanding), "{event}", "Events held for a consent not yet recorded, at the releaser's last check");
    }

    public void Decided(string source, string eventType, IReadOnlyList<Decision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        foreach (var decision in decisions)
        {
            var tags = new TagList
            {
                { HubMetricTags.Outcome, decision.IsAllowed ? "allowed" : "denied" },
                { HubMetricTags.Reason, decision.ReasonCode },
                { HubMetricTags.SourceAgency, source },
                { HubMetricTags.RecipientAgency, decision.Recipient.Value },
                { HubMetricTags.EventType, eventType },
                { HubMetricTags.AgreementId, decision.AgreementId ?? HubMetricTags.None },
                { HubMetricTags.FlowId, decision.FlowId ?? HubMetricTags.None },
            };
            _decisions.Add(1, tags);
        }
    }

    public void Rejected(string source, string code) =>
        _rejections.Add(1, new KeyValuePair<string, object?>(HubMetricTags.SourceAgency, source), new KeyValuePair<string, object?>(HubMetricTags.RejectionCode, code));

    public void Routed(string source, string eventType, TimeSpan processing) =>
        _processing.Record(processing.TotalSeconds, new KeyValuePair<string, object?>(HubMetricTags.SourceAgency, source), new KeyValuePair<string, object?>(HubMetricTags.EventType, eventType));

    public void LedgerGroupCommitted(int events, int sentMarks)
    {
        _groupEvents.Record(events);
        _sentMarks.Add(sentMarks);
    }

    /// <summary>Publish-to-consume time; a sender clock ahead of ours counts as zero rather than a negative lag.</summary>
    public void Received(string source, TimeSpan sincePublished) =>
        _ingressLag.Record(Math.Max(0, sincePublished.TotalSeconds), new KeyValuePair<string, object?>(HubMetricTags.SourceAgency, source));

    /// <summary>
    /// A load or reload refused part or all of the agreements folder: <paramref name="scope"/> is <c>agreement</c>
    /// (counted once per refused file; the others decide) or <c>set</c> (the whole folder; the last good set decides).
    /// </summary>
    public void AgreementsRefused(string scope, int count) =>
        _agreementsRefused.Add(count, new KeyValuePair<string, object?>(HubMetricTags.RefusalScope, scope));

    public void ConsentHeld(string source, string eventType) =>
        _consentHolds.Add(1, new KeyValuePair<string, object?>(HubMetricTags.SourceAgency, source), new KeyValuePair<string, object?>(HubMetricTags.EventType, eventType));

    public void ConsentHoldReleased(string source, string reason) =>
        _consentHoldReleases.Add(1, new KeyValuePair<string, object?>(HubMetricTags.SourceAgency, source), new KeyValuePair<string, object?>(HubMetricTags.Reason, reason));

    public void ConsentHoldsOutstanding(int count) => Volatile.Write(ref _consentHoldsOutstanding, count);
}
