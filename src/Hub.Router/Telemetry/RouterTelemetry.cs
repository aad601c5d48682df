using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hub.Sharing.Decisions;

namespace Hub.Router.Telemetry;

/// <summary>
/// The router's ActivitySource and Meter. Tags carry agencies, event types, agreement and flow ids and outcomes:
/// never subject identifiers or payload values.
/// </summary>
public sealed class RouterTelemetry : IDisposable
{
    public const string SourceName = "AgencyHub.Router";

    private readonly Meter _meter;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _rejections;

    public RouterTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(SourceName);
        _decisions = _meter.CreateCounter<long>("agencyhub.router.decisions", "{decision}", "Sharing decisions by outcome, agreement and source/recipient agency");
        _rejections = _meter.CreateCounter<long>("agencyhub.router.rejections", "{message}", "Ingress messages refused, by reason code");
    }

    public static ActivitySource ActivitySource { get; } = new(SourceName);

    public static Activity? StartIngress(string source, string eventType)
    {
        var activity = ActivitySource.StartActivity("route " + eventType, ActivityKind.Consumer);
        activity?.SetTag(Attributes.SourceAgency, source);
        activity?.SetTag(Attributes.EventType, eventType);
        return activity;
    }

    public void Decided(string source, string eventType, IReadOnlyList<Decision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        foreach (var decision in decisions)
        {
            _decisions.Add(
                1,
                new(Attributes.Outcome, decision.Outcome.ToString().ToLowerInvariant()),
                new(Attributes.SourceAgency, source),
                new(Attributes.RecipientAgency, decision.Recipient.Value),
                new(Attributes.EventType, eventType),
                new(Attributes.AgreementId, decision.AgreementId ?? "none"));
        }
    }

    public void Rejected(string source, string code) =>
        _rejections.Add(1, new(Attributes.SourceAgency, source), new(Attributes.RejectionCode, code));

    public void Dispose() => _meter.Dispose();

    /// <summary>Attribute names, beside the standard <c>messaging.*</c> ones MassTransit sets.</summary>
    public static class Attributes
    {
        public const string SourceAgency = "agencyhub.source_agency";
        public const string RecipientAgency = "agencyhub.recipient_agency";
        public const string EventType = "agencyhub.event_type";
        public const string Outcome = "agencyhub.outcome";
        public const string AgreementId = "agencyhub.agreement_id";
        public const string RejectionCode = "agencyhub.rejection_code";
        public const string Allowed = "agencyhub.decisions.allowed";
        public const string Denied = "agencyhub.decisions.denied";
    }
}
