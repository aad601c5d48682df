using System.Text.Json;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Nhs.Discharges;
using Hub.Adapters.Nhs.Fhir.Retractions;
using Hub.Adapters.Nhs.Performance;
using Hub.Adapters.Nhs.Referrals;
using Hub.Adapters.Nhs.TreatmentContinuity;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Nhs.Sources;

/// <summary>
/// Any FHIR R4 resource the NHS adapter reads, dispatched by its <c>resourceType</c>: for files that mix resource
/// types (a <c>*.ndjson</c> not named after one type, or a <c>*.json</c> array of resources). A Bundle is refused
/// row-wise: one row publishes one event, so a Bundle's entries must arrive as NDJSON lines.
/// </summary>
public sealed class NhsResourceMapper(
    EncounterDischargeMapper discharges,
    MedicationRequestContinuityMapper continuity,
    ServiceRequestReferralMapper referrals,
    MeasureReportIndicatorsMapper indicators)
{
    /// <summary>The resource types this adapter maps, in the order its documentation lists them.</summary>
    public static IReadOnlyList<string> ResourceTypes { get; } = ["Encounter", "MedicationRequest", "ServiceRequest", "MeasureReport"];

    public MappingResult<IShareableEvent> Map(JsonElement resource)
    {
        if (resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return Problem("resourceType", "is required (a FHIR R4 resource)");
        }

        return type.GetString() switch
        {
            "Encounter" => discharges.MapOrRetract(resource),
            "MedicationRequest" => continuity.MapOrRetract(resource),
            "ServiceRequest" => referrals.MapOrRetract(resource),
            "MeasureReport" => FhirSourceMapping.Widen(indicators.Map(resource)),
            "Bundle" => Problem("resourceType", "Bundle is not read: export its entries as NDJSON, one resource per line"),
            _ => Problem("resourceType", $"is not one this adapter reads ({string.Join(", ", ResourceTypes)})"),
        };
    }

    private static MappingResult<IShareableEvent> Problem(string field, string problem) =>
        MappingResult<IShareableEvent>.Failure([new FieldProblem(field, problem)]);
}
