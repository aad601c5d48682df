using Hub.Contracts.Agencies;
using Hub.Contracts.Signing;

namespace Hub.Contracts.Delivery.V1;

/// <summary>
/// The router tells a recipient that a consent it received data under has been withdrawn (UK GDPR Art. 17(1)(b),
/// Art. 19), or that the source retracted the records (<see cref="RetractionRef"/>): the named deliveries must be
/// erased or restricted, and the recipient acknowledges with
/// <see cref="RecallAcknowledged"/>. Sent to <c>hub.deliver.&lt;recipient&gt;</c>. Carries ids only, never personal data.
/// </summary>
public sealed record RecallRequested
{
    /// <summary>Deterministic: the same withdrawal names the same recall however often it is processed.</summary>
    public required Guid RecallId { get; init; }

    public required AgencyCode Recipient { get; init; }

    /// <summary>The consent record that was withdrawn.</summary>
    public required string ConsentRef { get; init; }

    public required DateTimeOffset WithdrawnAt { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>Every delivery to this recipient that relied on the consent.</summary>
    public required IReadOnlyList<RecalledDelivery> Deliveries { get; init; }

    /// <summary>Plain words for the recipient's case workers.</summary>
    public required string Reason { get; init; }

    /// <summary>
    /// Set when the source retracted the records (its <c>health.record.retracted</c> event id, docs/adr/0020) rather
    /// than a consent being withdrawn; <see cref="ConsentRef"/> is then empty and <see cref="WithdrawnAt"/> is when
    /// the source retracted them.
    /// </summary>
    public Guid? RetractionRef { get; init; }

    /// <summary>
    /// The router's signature over this recall with this property empty, made when it is sent: a recipient holding the
    /// router's public key refuses a recall the router did not make, which would otherwise have it erase records it
    /// holds lawfully (docs/adr/0023). Absent when the router has no signing key.
    /// </summary>
    public DetachedSignature? RouterSignature { get; init; }
}
