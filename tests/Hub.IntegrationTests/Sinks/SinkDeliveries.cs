using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Envelope;

namespace Hub.IntegrationTests.Sinks;

/// <summary>Deliveries to police about a fictional person, as the router would send them.</summary>
internal static class SinkDeliveries
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public static EventDelivered ToPolice(int? retentionDays = 30)
    {
        var eventId = Guid.NewGuid();
        using var payload = JsonDocument.Parse("""{"releaseDate":"2026-12-04","subject":{"pncId":"2019/0412345P"}}""");
        return new EventDelivered
        {
            DeliveryId = DeliveryIds.For(AgencyCode.Probation, eventId, AgencyCode.Police),
            EventId = eventId,
            EventType = "custody.release.scheduled",
            Source = AgencyCode.Probation,
            Recipient = AgencyCode.Police,
            OccurredAt = At,
            DecidedAt = At.AddMinutes(1),
            Classification = DataClassification.CriminalOffence,
            Payload = payload.RootElement.Clone(),
            AgreementId = "DSA-T01",
            AgreementVersion = 1,
            FlowId = "F1",
            Purpose = "offender-management",
            LawfulBasis = "UK GDPR Art 6(1)(e)",
            WithheldFields = ["subject.nhsNumber"],
            Obligations = new Obligations { RetentionDays = retentionDays, OnwardSharingForbidden = true },
            AgreementSetHash = "sha256:0000000000000000",
        };
    }
}
