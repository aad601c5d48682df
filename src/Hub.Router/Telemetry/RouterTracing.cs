using System.Diagnostics;
using Hub.Router.Ledger;
using Hub.ServiceDefaults.Telemetry;

namespace Hub.Router.Telemetry;

/// <summary>
/// The router's spans for one ingress event, nested under MassTransit's consume span: <c>route</c>, one
/// <c>decision</c> per candidate recipient, <c>ledger write</c>, and one <c>deliver</c> per permitted delivery (its
/// MassTransit send span carries the context on to the recipient). Tags are identifiers, codes, counts and outcomes
/// from <see cref="HubTraceAttributes"/>: never subject identifiers or payload values (docs/adr/0013).
/// </summary>
public static class RouterTracing
{
    public const string SourceName = "AgencyHub.Router";

    public static ActivitySource ActivitySource { get; } = new(SourceName);

    public static Activity? StartRoute(string source, string eventType)
    {
        var activity = ActivitySource.StartActivity("route " + eventType, ActivityKind.Internal);
        activity?.SetTag(HubTraceAttributes.SourceAgency, source);
        activity?.SetTag(HubTraceAttributes.EventType, eventType);
        return activity;
    }

    public static void Routed(Activity? route, Guid eventId, int allowed, int denied, bool redelivery)
    {
        if (route is null)
        {
            return;
        }

        route.SetTag(HubTraceAttributes.EventId, eventId.ToString());
        route.SetTag(HubTraceAttributes.Allowed, allowed);
        route.SetTag(HubTraceAttributes.Denied, denied);
        route.SetTag(HubTraceAttributes.Redelivery, redelivery);
        route.SetTag(HubTraceAttributes.Outcome, "routed");
    }

    /// <summary>Marks the current span refused with the rejection code only: the reason text stays in the ledger.</summary>
    /// <summary>The event is held for a consent not recorded yet (docs/adr/0018): acknowledged, not decided.</summary>
    public static void Held(Activity? route, Guid eventId)
    {
        route?.SetTag(HubTraceAttributes.EventId, eventId.ToString());
        route?.SetTag(HubTraceAttributes.Outcome, "held");
    }

    public static void Rejected(Activity? activity, string code, Guid? eventId)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(HubTraceAttributes.Outcome, "rejected");
        activity.SetTag(HubTraceAttributes.RejectionCode, code);
        if (eventId is { } id)
        {
            activity.SetTag(HubTraceAttributes.EventId, id.ToString());
        }

        activity.SetStatus(ActivityStatusCode.Error, code);
    }

    /// <summary>
    /// One span per decision, recorded once the engine has decided (it is a pure function, so the spans mark the
    /// decisions rather than time them); the decision id is the ledger row's entry id.
    /// </summary>
    public static void Decided(string agreementSetHash, IReadOnlyList<LedgerEntry> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        foreach (var entry in decisions)
        {
            using var activity = ActivitySource.StartActivity("decision", ActivityKind.Internal);
            if (activity is null)
            {
                return;
            }

            activity.SetTag(HubTraceAttributes.DecisionId, entry.EntryId.ToString());
            activity.SetTag(HubTraceAttributes.SourceAgency, entry.Source);
            activity.SetTag(HubTraceAttributes.RecipientAgency, entry.Recipient);
            activity.SetTag(HubTraceAttributes.EventType, entry.EventType);
            activity.SetTag(HubTraceAttributes.EventId, entry.EventId?.ToString());
            activity.SetTag(HubTraceAttributes.Outcome, LedgerOutcomes.ToText(entry.Outcome));
            activity.SetTag(HubTraceAttributes.AgreementId, entry.AgreementId);
            activity.SetTag(HubTraceAttributes.AgreementVersion, entry.AgreementVersion);
            activity.SetTag(HubTraceAttributes.FlowId, entry.FlowId);
            activity.SetTag(HubTraceAttributes.Purpose, entry.Purpose);
            activity.SetTag(HubTraceAttributes.Footing, LedgerFootings.ToText(entry.Footing));
            activity.SetTag(HubTraceAttributes.AgreementSetHash, agreementSetHash);
            activity.SetTag(HubTraceAttributes.ReleasedFieldCount, entry.ReleasedFields.Count);
            activity.SetTag(HubTraceAttributes.WithheldFieldCount, entry.WithheldFields.Count);
            if (entry.DeliveryId is { } deliveryId)
            {
                activity.SetTag(HubTraceAttributes.DeliveryId, deliveryId.ToString());
            }
        }
    }

    public static Activity? StartLedgerWrite(DecisionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var activity = ActivitySource.StartActivity("ledger write", ActivityKind.Internal);
        activity?.SetTag(HubTraceAttributes.SourceAgency, batch.Source);
        activity?.SetTag(HubTraceAttributes.EventId, batch.EventId.ToString());
        activity?.SetTag(HubTraceAttributes.LedgerRows, batch.Entries.Count);
        return activity;
    }

    public static void LedgerWritten(Activity? activity, RecordResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (activity is null)
        {
            return;
        }

        activity.SetTag(HubTraceAttributes.PendingDeliveries, result.Pending.Count);
        activity.SetTag(HubTraceAttributes.Redelivery, result.AlreadyRecorded);
        activity.SetTag(HubTraceAttributes.Outcome, result.Conflict ? "conflict" : result.AlreadyRecorded ? "already-recorded" : "committed");
    }

    /// <summary>The span a permitted delivery leaves under; MassTransit's send span beneath it carries the context on.</summary>
    public static Activity? StartDelivery(Guid deliveryId, Guid eventId, string eventType, string source, string recipient, string agreementId, string flowId)
    {
        var activity = ActivitySource.StartActivity("deliver " + eventType, ActivityKind.Internal);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(HubTraceAttributes.DeliveryId, deliveryId.ToString());
        activity.SetTag(HubTraceAttributes.EventId, eventId.ToString());
        activity.SetTag(HubTraceAttributes.EventType, eventType);
        activity.SetTag(HubTraceAttributes.SourceAgency, source);
        activity.SetTag(HubTraceAttributes.RecipientAgency, recipient);
        activity.SetTag(HubTraceAttributes.AgreementId, agreementId);
        activity.SetTag(HubTraceAttributes.FlowId, flowId);
        return activity;
    }
}
