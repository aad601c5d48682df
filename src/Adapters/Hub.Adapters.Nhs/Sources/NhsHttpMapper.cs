using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Nhs.Discharges;
using Hub.Adapters.Nhs.Performance;
using Hub.Adapters.Nhs.Referrals;
using Hub.Adapters.Nhs.TreatmentContinuity;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Health.V1;
using Hub.Contracts.Performance.V1;

namespace Hub.Adapters.Nhs.Sources;

/// <summary>
/// HTTP ingest of FHIR R4 resources, one per request, as a trust's integration engine would POST them:
/// <c>POST /events/health.discharge.planned</c> takes an Encounter, <c>health.treatment-continuity.required</c> a
/// MedicationRequest, <c>employment.referral.created</c> a ServiceRequest and
/// <c>performance.indicators.submitted</c> a MeasureReport. A resource of another type than the route's is refused
/// with 422, naming <c>resourceType</c>. A version whose status retracts earlier ones (docs/adr/0020) is accepted
/// on its resource's route and publishes <c>health.record.retracted</c>.
/// </summary>
public sealed class NhsHttpMapper : EventTypeRoutedMapper
{
    public NhsHttpMapper(
        EncounterDischargeMapper discharges,
        MedicationRequestContinuityMapper continuity,
        ServiceRequestReferralMapper referrals,
        MeasureReportIndicatorsMapper indicators)
    {
        ArgumentNullException.ThrowIfNull(discharges);
        ArgumentNullException.ThrowIfNull(continuity);
        ArgumentNullException.ThrowIfNull(referrals);
        ArgumentNullException.ThrowIfNull(indicators);
        RouteJson(EventCatalogue.For<DischargePlanned>().Name, discharges.MapOrRetract);
        RouteJson(EventCatalogue.For<TreatmentContinuityRequired>().Name, continuity.MapOrRetract);
        RouteJson(EventCatalogue.For<ReferralCreated>().Name, referrals.MapOrRetract);
        RouteJson(EventCatalogue.For<IndicatorsSubmitted>().Name, indicators.Map);
    }
}
