namespace Hub.ServiceDefaults.Metrics;

/// <summary>
/// Metric label names, the same words the spans use (<c>agencyhub.*</c>; Prometheus shows them with underscores). Every
/// value is from a bounded set: agency codes, event-type names, agreement and flow ids, outcome and reason codes, queue
/// kinds, recall causes. Never a subject identifier, a payload value, free text or a per-message id.
/// </summary>
public static class HubMetricTags
{
    public const string SourceAgency = "agencyhub.source_agency";
    public const string RecipientAgency = "agencyhub.recipient_agency";
    public const string Agency = "agencyhub.agency";
    public const string EventType = "agencyhub.event_type";
    public const string Outcome = "agencyhub.outcome";
    public const string Reason = "agencyhub.reason";
    public const string AgreementId = "agencyhub.agreement_id";
    public const string FlowId = "agencyhub.flow_id";
    public const string RejectionCode = "agencyhub.rejection_code";
    public const string QueueKind = "agencyhub.queue_kind";
    public const string Result = "agencyhub.result";
    public const string Sampler = "agencyhub.sampler";
    public const string RefusalScope = "agencyhub.refusal_scope";

    /// <summary>What a recall carries out: <c>consent-withdrawal</c> or <c>retraction</c>; never the consent or the retraction itself.</summary>
    public const string RecallCause = "agencyhub.recall_cause";

    /// <summary>The value of an agreement or flow label when no agreement applied.</summary>
    public const string None = "none";
}
