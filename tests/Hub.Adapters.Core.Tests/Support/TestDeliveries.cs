using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Core.Tests.Support;

/// <summary>Deliveries and events about a fictional person.</summary>
internal static class TestDeliveries
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public static EventDelivered For(AgencyCode recipient, Guid? eventId = null)
    {
        var id = eventId ?? Guid.NewGuid();
        using var payload = JsonDocument.Parse("""{"releaseDate":"2026-12-04","subject":{"pncId":"2019/0412345P"}}""");
        return new EventDelivered
        {
            DeliveryId = DeliveryIds.For(AgencyCode.Probation, id, recipient),
            EventId = id,
            EventType = "custody.release.scheduled",
            Source = AgencyCode.Probation,
            Recipient = recipient,
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
            Obligations = new Obligations { RetentionDays = 30, OnwardSharingForbidden = true },
            AgreementSetHash = "sha256:0000000000000000",
        };
    }

    public static ReleaseScheduled Release(AgencyCode source) => new()
    {
        Envelope = new EventEnvelope
        {
            EventId = Guid.NewGuid(),
            OccurredAt = At,
            Source = source,
            Classification = DataClassification.CriminalOffence,
            Subject = new SubjectIdentifiers { NhsNumber = "9434765919", PncId = PncId.Create(2019, 412345) },
            Consent = new ConsentTag { LegalGateway = "ORA2014-s7", CollectionPurpose = "offender-management" },
        },
        ReleaseDate = new DateOnly(2026, 12, 4),
        Establishment = "HMP Fictional",
        SentenceBand = SentenceBand.UnderTwelveMonths,
        ResettlementArea = "lewisham",
    };
}
