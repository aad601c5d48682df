using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Nhs.Discharges;
using Hub.Adapters.Nhs.Performance;
using Hub.Adapters.Nhs.Referrals;
using Hub.Adapters.Nhs.TreatmentContinuity;

namespace Hub.Adapters.Nhs.Sources;

/// <summary>
/// What the NHS drop folder reads: FHIR Bulk Data (<c>$export</c>) NDJSON, one file per resource type named after
/// it (<c>Encounter.ndjson</c>, <c>MedicationRequest-2.ndjson</c>), each line one resource, held to that type.
/// Any other <c>.ndjson</c>/<c>.jsonl</c> file, or a <c>.json</c> file holding an array of resources, may mix the
/// types: each resource is mapped by its <c>resourceType</c>. A <c>.json</c> file holding one resource or a Bundle
/// (an object, not an array) is quarantined whole by the SDK's reader; see the adapter's README.
/// </summary>
public sealed class NhsFolderMapper : FileRoutedMapper
{
    public NhsFolderMapper(
        EncounterDischargeMapper discharges,
        MedicationRequestContinuityMapper continuity,
        ServiceRequestReferralMapper referrals,
        MeasureReportIndicatorsMapper indicators,
        NhsResourceMapper anyResource)
    {
        ArgumentNullException.ThrowIfNull(discharges);
        ArgumentNullException.ThrowIfNull(continuity);
        ArgumentNullException.ThrowIfNull(referrals);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(anyResource);
        RouteJson("Encounter*.ndjson", discharges.MapOrRetract);
        RouteJson("MedicationRequest*.ndjson", continuity.MapOrRetract);
        RouteJson("ServiceRequest*.ndjson", referrals.MapOrRetract);
        RouteJson("MeasureReport*.ndjson", indicators.Map);
        RouteJson("*.ndjson", anyResource.Map);
        RouteJson("*.jsonl", anyResource.Map);
        RouteJson("*.json", anyResource.Map);
    }
}
