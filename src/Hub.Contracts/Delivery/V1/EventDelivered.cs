using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Signing;

namespace Hub.Contracts.Delivery.V1;

/// <summary>
/// What the router sends to a recipient: only the released fields of the event, and the grounds for sharing.
/// One per (event, recipient); <see cref="DeliveryId"/> is deterministic so recipients can drop redeliveries.
/// </summary>
public sealed record EventDelivered
{
    public required Guid DeliveryId { get; init; }

    public required Guid EventId { get; init; }

    /// <summary>Event-type name, e.g. <c>custody.release.scheduled</c>.</summary>
    public required string EventType { get; init; }

    public required AgencyCode Source { get; init; }

    public required AgencyCode Recipient { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }

    public required DataClassification Classification { get; init; }

    /// <summary>The event projected to the released fields (subject identifiers under <c>subject</c>).</summary>
    public required JsonElement Payload { get; init; }

    public required string AgreementId { get; init; }

    public required int AgreementVersion { get; init; }

    public required string FlowId { get; init; }

    public required string Purpose { get; init; }

    /// <summary>UK GDPR Art. 6 basis and any Art. 9 / Sch. 1 / Art. 10 condition, as the flow states it.</summary>
    public required string LawfulBasis { get; init; }

    public string? ConsentRef { get; init; }

    public string? LegalGateway { get; init; }

    /// <summary>Names (never values) of the fields the recipient's purpose did not allow.</summary>
    public required IReadOnlyList<string> WithheldFields { get; init; }

    /// <summary>Paths (never values) of small counts the agreement's disclosure control suppressed: they arrive as null.</summary>
    public IReadOnlyList<string> SuppressedValues { get; init; } = [];

    public required Obligations Obligations { get; init; }

    /// <summary>Hash of the agreement set that made the decision.</summary>
    public required string AgreementSetHash { get; init; }

    /// <summary>
    /// The router's signature over this delivery with this property empty, made when it was decided (before the
    /// outbox row was written), so a recipient holding the router's public key refuses one altered on the way or in
    /// the outbox (docs/adr/0023). Absent when the router has no signing key.
    /// </summary>
    public DetachedSignature? RouterSignature { get; init; }
}
