using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Health.V1;
using Status = Hl7.Fhir.Model.Encounter.EncounterStatus;

namespace Hub.Adapters.Nhs.Fhir.Semantics;

/// <summary>
/// What an Encounter means under R4 for a planned discharge: only a stay that is <c>in-progress</c> can be
/// discharged from. <c>planned</c> (not started), <c>cancelled</c>, <c>entered-in-error</c> and the other statuses
/// are not acted on; <c>entered-in-error</c> and <c>cancelled</c> take back what an earlier version published.
/// </summary>
public static class EncounterSemantics
{
    public static IReadOnlySet<Status> ActionableStatuses { get; } = new HashSet<Status> { Status.InProgress };

    public static void Check(Encounter encounter, FieldReader fields)
    {
        ArgumentNullException.ThrowIfNull(encounter);
        FhirModifiers.Check(encounter, fields);
        FhirActionability.Status(encounter.Status, ActionableStatuses, "Encounter.status", fields);
    }

    /// <summary>The retraction reason when this version takes back earlier ones; null otherwise.</summary>
    public static string? RetractionReason(Encounter encounter) => encounter?.Status switch
    {
        Status.EnteredInError => RetractionReasons.EnteredInError,
        Status.Cancelled => RetractionReasons.Withdrawn,
        _ => null,
    };
}
