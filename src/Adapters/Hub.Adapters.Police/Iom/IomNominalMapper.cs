using System.Globalization;
using System.Text.Json;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Police.Iom;

/// <summary>
/// A delivered release notice or amendment becomes an IOM nominal update. The police are a source of no flow in the
/// sample agreements, so this adapter's mapping work is on what it receives.
/// </summary>
public sealed class IomNominalMapper
{
    public const string Scheduled = "custody.release.scheduled";
    public const string Amended = "custody.release.amended";

    public MappingResult<IomNominalUpdate> Map(EventDelivered delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var fields = new FieldReader();
        if (delivery.EventType is not (Scheduled or Amended))
        {
            fields.Add("eventType", $"must be {Scheduled} or {Amended}");
            return MappingResult<IomNominalUpdate>.Failure(fields.Problems);
        }

        var payload = delivery.Payload;
        var subject = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("subject", out var s) ? s : default;
        var pnc = Text(subject, "pncId");
        var pncId = fields.PncId("payload.subject.pncId", pnc);
        if (pnc is null)
        {
            fields.Add("payload.subject.pncId", "is required: IOM nominals are keyed on the PNC id");
        }

        var releaseDate = fields.Date("payload.releaseDate", Text(payload, "releaseDate"));
        var amendment = delivery.EventType == Amended;
        var previous = amendment ? fields.OptionalDate("payload.previousReleaseDate", Text(payload, "previousReleaseDate")) : null;
        if (fields.HasProblems)
        {
            return MappingResult<IomNominalUpdate>.Failure(fields.Problems);
        }

        return MappingResult<IomNominalUpdate>.Success(new IomNominalUpdate
        {
            UpdateId = delivery.DeliveryId,
            PncId = pncId!,
            ReleaseDate = releaseDate,
            PreviousReleaseDate = previous,
            Establishment = Text(payload, "establishment"),
            AddressOnRelease = Text(payload, "addressOnRelease"),
            CohortTier = Text(payload, "cohortTier")?.ToUpperInvariant(), // the IOM system keeps tiers in capitals
            Amendment = amendment,
            SharedUnder = string.Create(CultureInfo.InvariantCulture, $"{delivery.AgreementId}@{delivery.AgreementVersion}/{delivery.FlowId}"),
            RetentionDays = delivery.Obligations.RetentionDays ?? 0,
            OnwardSharingForbidden = delivery.Obligations.OnwardSharingForbidden,
        });
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
