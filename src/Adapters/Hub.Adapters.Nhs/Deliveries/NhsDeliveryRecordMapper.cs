using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Nhs.Fhir;
using Hub.Contracts.CaseManagement.V1;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Performance.V1;

namespace Hub.Adapters.Nhs.Deliveries;

/// <summary>
/// What the NHS receives, back in FHIR R4 (serialized by Firely) for a GP or trust system to file: release notices
/// and amendments (DSA-001) and lead-professional changes (DSA-007) as a <c>Communication</c> about the patient,
/// partners' performance indicators (DSA-018) as a summary <c>MeasureReport</c>. Other types (the common assessment,
/// the family case conference) have no FHIR shape here yet: their documents carry the contract payload only. The
/// hub's own systems in the records sit under the configured canonical base (<see cref="HubFhirSystems"/>).
/// </summary>
public sealed class NhsDeliveryRecordMapper(HubFhirSystems systems) : IDeliveryRecordMapper
{
    private static readonly Dictionary<string, Func<EventDelivered, HubFhirSystems, MappingResult<object>>> Shapes = new(StringComparer.Ordinal)
    {
        [EventCatalogue.For<ReleaseScheduled>().Name] = ReleaseNotificationRecord.Map,
        [EventCatalogue.For<ReleaseAmended>().Name] = ReleaseNotificationRecord.Map,
        [EventCatalogue.For<LeadProfessionalChanged>().Name] = LeadProfessionalNotificationRecord.Map,
        [EventCatalogue.For<IndicatorsSubmitted>().Name] = IndicatorsMeasureReportRecord.Map,
    };

    private readonly HubFhirSystems _systems = systems ?? throw new ArgumentNullException(nameof(systems));

    /// <summary>The event types that get a FHIR record.</summary>
    public static IReadOnlyCollection<string> EventTypes => Shapes.Keys;

    public MappingResult<object>? Map(EventDelivered delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return Shapes.TryGetValue(delivery.EventType, out var map) ? map(delivery, _systems) : null;
    }
}
