using Hub.Sharing.Decisions;

namespace Hub.Router.Ledger;

/// <summary>
/// One row of the disclosure ledger. Names fields but never their values; subjects appear only as keyed hashes.
/// </summary>
public sealed record LedgerEntry
{
    /// <summary>Deterministic, so that reprocessing the same input writes nothing new.</summary>
    public required Guid EntryId { get; init; }

    public long Sequence { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public required LedgerEntryKind Kind { get; init; }

    public required LedgerOutcome Outcome { get; init; }

    /// <summary>The agency of the ingress queue the input arrived on.</summary>
    public required string Source { get; init; }

    public Guid? EventId { get; init; }

    public string? EventType { get; init; }

    public string? Recipient { get; init; }

    public string? AgreementId { get; init; }

    public int? AgreementVersion { get; init; }

    public string? FlowId { get; init; }

    public string? Purpose { get; init; }

    public string? LawfulBasis { get; init; }

    public string? ConsentRef { get; init; }

    public string? LegalGateway { get; init; }

    /// <summary>
    /// For an allowed decision, what it relied on: <c>consent</c>, <c>gateway</c> or <c>basis</c>. <see cref="ConsentRef"/>
    /// and <see cref="LegalGateway"/> are what the event carried; only rows relying on <c>consent</c> are recalled on withdrawal.
    /// </summary>
    public DecisionFooting? Footing { get; init; }

    public IReadOnlyList<string> ReleasedFields { get; init; } = [];

    public IReadOnlyList<string> WithheldFields { get; init; } = [];

    /// <summary>Why: decision explanations, or the rejection code and reason.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    public Guid? DeliveryId { get; init; }

    public IReadOnlyList<string> SubjectPseudonyms { get; init; } = [];

    public string? AgreementSetHash { get; init; }

    public string? TraceId { get; init; }

    /// <summary>Transport message id of the input, for finding it in the error queue.</summary>
    public string? MessageId { get; init; }

    /// <summary>
    /// Which subject key made <see cref="SubjectPseudonyms"/>: <see cref="SubjectKeyIds"/> of the key, never the key.
    /// <c>hub audit subject</c> refuses a key of another id rather than report nothing. Null on rows with no pseudonyms
    /// and on rows written before it was recorded.
    /// </summary>
    public string? SubjectKeyId { get; init; }

    /// <summary>The purpose the event declares it was collected for (<c>envelope.consent.collectionPurpose</c>), for <c>hub rules replay</c>.</summary>
    public string? CollectionPurpose { get; init; }

    /// <summary>
    /// The values of the event's non-identifying coded fields (enums, booleans and fields the contracts mark as codes;
    /// never special-category data), as <c>field=JSON value</c> in field order, so <c>hub rules replay</c> can decide
    /// conditions on them. Everything else about the payload stays out of the ledger.
    /// </summary>
    public IReadOnlyList<string> EventFacts { get; init; } = [];

    /// <summary>
    /// The key id the source agency signed the event with (<c>AgencyHub-Key-Id</c>), on decisions about a signed event
    /// (docs/adr/0023). Null when the source does not sign.
    /// </summary>
    public string? EventKeyId { get; init; }

    /// <summary>
    /// SHA-256 (lowercase hex) of the event's signature bytes: ECDSA signatures are randomised, so this names the one
    /// signed message the decision was made on, and a copy the source kept can be matched to the ledger without the
    /// ledger holding the event. Null when the source does not sign.
    /// </summary>
    public string? EventSignatureSha256 { get; init; }

    /// <summary>
    /// SHA-256 (lowercase hex) of the delivery exactly as the outbox holds it (its UTF-8 JSON body), on allowed
    /// decisions: <c>hub audit verify</c> compares the outbox with it, so a body changed after the decision is found
    /// even by someone who can write the outbox but not the sealed ledger.
    /// </summary>
    public string? DeliverySha256 { get; init; }
}
