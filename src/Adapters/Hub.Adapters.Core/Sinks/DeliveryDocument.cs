using System.Text.Json;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Core.Sinks;

/// <summary>
/// What the webhook posts and the drop folder writes for one delivery. Built only from the delivery, so a
/// redelivery produces the same document byte for byte.
/// </summary>
public sealed record DeliveryDocument
{
    public required Guid DeliveryId { get; init; }

    public required Guid EventId { get; init; }

    public required string EventType { get; init; }

    public required string Source { get; init; }

    public required string Recipient { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }

    public required DataClassification Classification { get; init; }

    /// <summary><c>agreement@version</c>, e.g. <c>DSA-T01@1</c>.</summary>
    public required string Agreement { get; init; }

    public required string Flow { get; init; }

    public required string Purpose { get; init; }

    public required string LawfulBasis { get; init; }

    public string? ConsentRef { get; init; }

    public string? LegalGateway { get; init; }

    public required DeliveryObligationsDocument Obligations { get; init; }

    public required IReadOnlyList<string> WithheldFields { get; init; }

    public required JsonElement Payload { get; init; }

    /// <summary>The agency's own record type (e.g. <c>IomNominalUpdate</c>) when its adapter maps deliveries back.</summary>
    public string? RecordType { get; init; }

    /// <summary>The delivery in the agency's own shape (see <see cref="IDeliveryRecordMapper"/>), else null.</summary>
    public JsonElement? Record { get; init; }

    public static DeliveryDocument From(EventDelivered delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new DeliveryDocument
        {
            DeliveryId = delivery.DeliveryId,
            EventId = delivery.EventId,
            EventType = delivery.EventType,
            Source = delivery.Source.Value,
            Recipient = delivery.Recipient.Value,
            OccurredAt = delivery.OccurredAt,
            DecidedAt = delivery.DecidedAt,
            Classification = delivery.Classification,
            Agreement = $"{delivery.AgreementId}@{delivery.AgreementVersion}",
            Flow = delivery.FlowId,
            Purpose = delivery.Purpose,
            LawfulBasis = delivery.LawfulBasis,
            ConsentRef = delivery.ConsentRef,
            LegalGateway = delivery.LegalGateway,
            Obligations = new DeliveryObligationsDocument(delivery.Obligations.RetentionDays, RetainUntil(delivery), delivery.Obligations.OnwardSharingForbidden),
            WithheldFields = delivery.WithheldFields,
            Payload = delivery.Payload,
        };
    }

    /// <summary>
    /// Retention runs from the sharing decision, not from when the sink ran, so every copy of a delivery carries
    /// the same date; null when the agreement sets no limit.
    /// </summary>
    public static DateTimeOffset? RetainUntil(EventDelivered delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery.Obligations.RetentionDays is { } days ? delivery.DecidedAt.AddDays(days) : null;
    }
}
