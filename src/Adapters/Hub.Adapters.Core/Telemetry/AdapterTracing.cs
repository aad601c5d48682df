using System.Diagnostics;
using Hub.Adapters.Core.Metrics;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.ServiceDefaults.Telemetry;

namespace Hub.Adapters.Core.Telemetry;

/// <summary>
/// The adapters' spans: <c>read</c> for each record a source reads (a drop-folder row, an HTTP ingest request, a
/// change-table row), the parent of MassTransit's send span, so an event's trace starts where the agency's record
/// was read; and <c>sink write</c> for each delivery a recipient's sink takes. Tags are identifiers, codes, counts and
/// outcomes: never record values, row contents, file contents or exception messages (docs/adr/0013).
/// </summary>
public static class AdapterTracing
{
    public const string SourceName = "AgencyHub.Adapters";

    public static ActivitySource ActivitySource { get; } = new(SourceName);

    /// <summary>Source kinds, as the <c>agencyhub.source_kind</c> tag names them.</summary>
    public static class SourceKinds
    {
        public const string DropFolder = "drop-folder";
        public const string HttpIngest = "http-ingest";
        public const string ChangeTable = "change-table";
    }

    /// <summary>
    /// A record's <c>read</c> span, a child of the current activity, made current. <paramref name="startedAt"/> backdates it
    /// to when the record was read, for a source that maps records ahead and starts the span only when it publishes.
    /// </summary>
    public static Activity? StartSourceRead(string sourceKind, AgencyCode agency, DateTimeOffset startedAt = default)
    {
        var activity = ActivitySource.StartActivity("read " + sourceKind, ActivityKind.Internal, parentContext: default, startTime: startedAt);
        activity?.SetTag(HubTraceAttributes.SourceKind, sourceKind);
        activity?.SetTag(HubTraceAttributes.SourceAgency, agency.Value);
        return activity;
    }

    /// <summary>The record's fate: published under an event id, or rejected with a count of problems (their text can name fields, so it stays out).</summary>
    public static void SourceRead(Activity? activity, RecordOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (activity is null)
        {
            return;
        }

        if (outcome.EventId is { } eventId)
        {
            activity.SetTag(HubTraceAttributes.EventId, eventId.ToString());
            activity.SetTag(HubTraceAttributes.EventType, outcome.EventType);
            activity.SetTag(HubTraceAttributes.Outcome, "published");
        }
        else
        {
            activity.SetTag(HubTraceAttributes.Outcome, "rejected");
            activity.SetTag(HubTraceAttributes.ProblemCount, outcome.Problems.Count);
        }
    }

    /// <summary>Marks a span failed with the exception's type only: a driver's or mapper's message can quote values.</summary>
    public static void Failed(Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (activity is null)
        {
            return;
        }

        var type = exception.GetType().Name;
        activity.SetTag(HubTraceAttributes.Outcome, "failed");
        activity.SetTag(HubTraceAttributes.ExceptionType, type);
        activity.SetStatus(ActivityStatusCode.Error, type);
    }

    public static Activity? StartSinkWrite(EventDelivered delivery, string sinkKind)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var eventType = AdapterMetrics.EventTypeLabel(delivery);
        var activity = ActivitySource.StartActivity("sink write " + eventType, ActivityKind.Internal);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(HubTraceAttributes.SinkKind, sinkKind);
        activity.SetTag(HubTraceAttributes.DeliveryId, delivery.DeliveryId.ToString());
        activity.SetTag(HubTraceAttributes.EventId, delivery.EventId.ToString());
        activity.SetTag(HubTraceAttributes.EventType, eventType);
        activity.SetTag(HubTraceAttributes.SourceAgency, delivery.Source.Value);
        activity.SetTag(HubTraceAttributes.RecipientAgency, delivery.Recipient.Value);
        activity.SetTag(HubTraceAttributes.AgreementId, delivery.AgreementId);
        activity.SetTag(HubTraceAttributes.AgreementVersion, delivery.AgreementVersion);
        activity.SetTag(HubTraceAttributes.FlowId, delivery.FlowId);
        activity.SetTag(HubTraceAttributes.Purpose, delivery.Purpose);
        return activity;
    }

    /// <summary><c>written</c>, or <c>duplicate</c> when the delivery id was already handled.</summary>
    public static void SinkWritten(Activity? activity, string outcome) => activity?.SetTag(HubTraceAttributes.Outcome, outcome);

    /// <summary>The sink's kind as spans name it: its type name without the <c>Sink</c> suffix, in lower case.</summary>
    public static string SinkKind(object sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var name = sink.GetType().Name;
        foreach (var suffix in (string[])["DeliverySink", "TableSink", "Sink"])
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length];
                break;
            }
        }

        return name.ToLowerInvariant();
    }
}
