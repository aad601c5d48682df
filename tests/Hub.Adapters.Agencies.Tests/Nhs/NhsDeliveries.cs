using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Agencies.Tests.Nhs;

/// <summary>Deliveries to the NHS as the router builds them (projected payloads), about fictional people.</summary>
internal static class NhsDeliveries
{
    public static readonly DateTimeOffset DecidedAt = new(2026, 11, 23, 9, 31, 0, TimeSpan.Zero);

    public static EventDelivered ReleaseScheduled(string payload = """
        {"subject":{"nhsNumber":"9990000212"},"releaseDate":"2026-12-04","establishment":"HMP Fictional","substanceMisuseFlag":true,"mentalHealthFlag":false,"leadProfessional":"offender manager, Lewisham team"}
        """) => Delivery("custody.release.scheduled", AgencyCode.Probation, DataClassification.CriminalOffence, payload, "DSA-001", "F4-nhs-continuity-of-care");

    public static EventDelivered ReleaseAmended() => Delivery(
        "custody.release.amended",
        AgencyCode.Probation,
        DataClassification.CriminalOffence,
        """{"subject":{"nhsNumber":"9990000212"},"releaseDate":"2026-12-06","previousReleaseDate":"2026-12-04","establishment":"HMP Fictional","supersedesEventId":"4f0c2a8e-1111-4c1e-9a55-000000000001","weekendRelease":true}""",
        "DSA-001",
        "F4-nhs-continuity-of-care");

    public static EventDelivered LeadProfessionalChanged() => Delivery(
        "case.lead-professional.changed",
        AgencyCode.Probation,
        DataClassification.CriminalOffence,
        """{"subject":{"nhsNumber":"9990000220","pncId":"2019/0412345P"},"previousLeadAgency":"probation","newLeadAgency":"nhs","newLeadRole":"DIP key worker","effectiveFrom":"2026-12-01T09:00:00+00:00","reason":"fictional transfer reason"}""",
        "DSA-007",
        "F1-nhs-dip-takes-lead");

    public static EventDelivered IndicatorsSubmitted() => Delivery(
        "performance.indicators.submitted",
        AgencyCode.Council,
        DataClassification.AggregateNonPersonal,
        """{"period":"2026-Q3","reportingBody":"lewisham","indicators":[{"code":"NI-039","value":212.4},{"code":"NI-152","value":12.5}]}""",
        "DSA-018",
        "F1-council-indicators-fan-out");

    public static EventDelivered AssessmentCompleted() => Delivery(
        "assessment.common.completed",
        AgencyCode.Probation,
        DataClassification.CriminalOffence,
        """{"subject":{"nhsNumber":"9990000239"},"assessmentId":"OASYS-1","substanceMisuseNeed":true}""",
        "DSA-006",
        "F1-nhs-dip-assessment");

    private static EventDelivered Delivery(string eventType, AgencyCode source, DataClassification classification, string payload, string agreement, string flow)
    {
        using var json = JsonDocument.Parse(payload);
        var eventId = Guid.Parse("0b6d2c3a-5e0f-4b7a-8c1d-2e3f4a5b6c7d");
        return new EventDelivered
        {
            DeliveryId = DeliveryIds.For(source, eventId, AgencyCode.Nhs),
            EventId = eventId,
            EventType = eventType,
            Source = source,
            Recipient = AgencyCode.Nhs,
            OccurredAt = DecidedAt.AddMinutes(-1),
            DecidedAt = DecidedAt,
            Classification = classification,
            Payload = json.RootElement.Clone(),
            AgreementId = agreement,
            AgreementVersion = 1,
            FlowId = flow,
            Purpose = "continuity-of-care",
            LawfulBasis = "UK GDPR Art 6(1)(e)",
            WithheldFields = [],
            Obligations = new Obligations { RetentionDays = 365, OnwardSharingForbidden = true },
            AgreementSetHash = "sha256:0000000000000000",
        };
    }
}
