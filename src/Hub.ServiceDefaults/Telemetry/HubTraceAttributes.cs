namespace Hub.ServiceDefaults.Telemetry;

/// <summary>
/// Span attribute names the hub sets, beside the standard <c>messaging.*</c> ones MassTransit sets. Each carries an
/// identifier, a code, a count or an outcome: never a subject identifier, a name, a date of birth, an address or a
/// payload value (docs/adr/0013).
/// </summary>
public static class HubTraceAttributes
{
    public const string SourceAgency = "agencyhub.source_agency";
    public const string RecipientAgency = "agencyhub.recipient_agency";
    public const string EventType = "agencyhub.event_type";
    public const string EventId = "agencyhub.event_id";
    public const string DecisionId = "agencyhub.decision_id";
    public const string DeliveryId = "agencyhub.delivery_id";
    public const string AgreementId = "agencyhub.agreement_id";
    public const string AgreementVersion = "agencyhub.agreement_version";
    public const string AgreementSetHash = "agencyhub.agreement_set_hash";
    public const string FlowId = "agencyhub.flow_id";
    public const string Purpose = "agencyhub.purpose";
    public const string Footing = "agencyhub.footing";
    public const string Outcome = "agencyhub.outcome";
    public const string RejectionCode = "agencyhub.rejection_code";
    public const string Allowed = "agencyhub.decisions.allowed";
    public const string Denied = "agencyhub.decisions.denied";
    public const string Redelivery = "agencyhub.redelivery";
    public const string LedgerRows = "agencyhub.ledger.rows";
    public const string PendingDeliveries = "agencyhub.ledger.pending_deliveries";
    public const string ReleasedFieldCount = "agencyhub.fields.released";
    public const string WithheldFieldCount = "agencyhub.fields.withheld";
    public const string SourceKind = "agencyhub.source_kind";
    public const string SinkKind = "agencyhub.sink_kind";
    public const string ProblemCount = "agencyhub.problems";
    public const string ExceptionType = "agencyhub.exception_type";
}
