using System.Diagnostics;

namespace Hub.Router.Telemetry;

/// <summary>
/// The router's ActivitySource (its meters are in <see cref="Metrics.RouterMetrics"/>). Tags carry agencies, event
/// types, agreement and flow ids and outcomes: never subject identifiers or payload values.
/// </summary>
public sealed class RouterTelemetry
{
    public const string SourceName = "AgencyHub.Router";

    public static ActivitySource ActivitySource { get; } = new(SourceName);

    public static Activity? StartIngress(string source, string eventType)
    {
        var activity = ActivitySource.StartActivity("route " + eventType, ActivityKind.Consumer);
        activity?.SetTag(Attributes.SourceAgency, source);
        activity?.SetTag(Attributes.EventType, eventType);
        return activity;
    }

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
