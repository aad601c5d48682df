using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Agencies.Tests.Support;

/// <summary>Deliveries to an agency as the router builds them: projected payload, agreement, flow, purpose and footing.</summary>
internal static class AgencyDeliveries
{
    public static readonly DateTimeOffset DecidedAt = new(2026, 11, 23, 8, 0, 1, TimeSpan.Zero);

    public static EventDelivered To(AgencyCode recipient, string eventType, AgencyCode source, string payload, string agreement, string flow, string purpose, string? gateway = null, string? consentRef = null)
    {
        using var document = JsonDocument.Parse(payload);
        return new EventDelivered
        {
            DeliveryId = Guid.Parse("6e1d2b9f-1c8f-4a6f-8b62-4d8b3f2e1a01"),
            EventId = Guid.Parse("7f2e3c0a-2d9a-4b7a-9c73-5e9c4a3f2b01"),
            EventType = eventType,
            Source = source,
            Recipient = recipient,
            OccurredAt = DecidedAt.AddMinutes(-5),
            DecidedAt = DecidedAt,
            Classification = DataClassification.Personal,
            Payload = document.RootElement.Clone(),
            AgreementId = agreement,
            AgreementVersion = 1,
            FlowId = flow,
            Purpose = purpose,
            LawfulBasis = "public-task",
            LegalGateway = gateway,
            ConsentRef = consentRef,
            WithheldFields = [],
            Obligations = new Obligations { RetentionDays = 365, OnwardSharingForbidden = true },
            AgreementSetHash = "sha256-test",
        };
    }
}
