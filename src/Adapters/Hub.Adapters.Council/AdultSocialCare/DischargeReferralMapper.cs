using System.Globalization;
using System.Text.Json;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Council.AdultSocialCare;

/// <summary>
/// A delivered <c>health.discharge.planned</c> (DSA-015) becomes an adult-social-care discharge referral. Only the
/// released fields are there; a withheld field stays empty, a missing required one is a problem.
/// </summary>
public sealed class DischargeReferralMapper
{
    public const string EventType = "health.discharge.planned";

    public MappingResult<DischargeReferral> Map(EventDelivered delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var fields = new FieldReader();
        if (delivery.EventType != EventType)
        {
            fields.Add("eventType", $"must be {EventType}");
            return MappingResult<DischargeReferral>.Failure(fields.Problems);
        }

        var payload = delivery.Payload;
        var subject = payload.TryGetProperty("subject", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var nhsNumber = fields.NhsNumber("payload.subject.nhsNumber", Text(subject, "nhsNumber"));
        if (Text(subject, "nhsNumber") is null)
        {
            fields.Add("payload.subject.nhsNumber", "is required");
        }

        var organisation = fields.Required("payload.organisation", Text(payload, "organisation"));
        var expected = fields.Timestamp("payload.plannedDischargeAt", Text(payload, "plannedDischargeAt"));
        if (fields.HasProblems)
        {
            return MappingResult<DischargeReferral>.Failure(fields.Problems);
        }

        return MappingResult<DischargeReferral>.Success(new DischargeReferral
        {
            ContactId = delivery.DeliveryId,
            NhsNumber = nhsNumber!,
            HospitalRef = Text(subject, "localId"),
            DischargingOrganisation = organisation,
            ExpectedDischargeAt = expected,
            GpPractice = Text(payload, "gpPractice"),
            DischargeAddress = Text(payload, "dischargeAddress"),
            MentalHealthNeeds = Flag(payload, "mentalHealthNeeds"),
            CarePackageRequired = Flag(payload, "carePackageRequired"),
            SharedUnder = string.Create(CultureInfo.InvariantCulture, $"{delivery.AgreementId}@{delivery.AgreementVersion}/{delivery.FlowId}"),
            RetentionDays = delivery.Obligations.RetentionDays ?? 0,
        });
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
