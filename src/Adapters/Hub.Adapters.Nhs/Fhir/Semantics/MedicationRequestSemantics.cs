using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Health.V1;
using Status = Hl7.Fhir.Model.MedicationRequest.MedicationrequestStatus;
using Intent = Hl7.Fhir.Model.MedicationRequest.MedicationRequestIntent;

namespace Hub.Adapters.Nhs.Fhir.Semantics;

/// <summary>
/// What a MedicationRequest means under R4 for treatment continuity: only an <c>active</c> request (a regime in
/// force) whose intent is a plan or an order and which is not a prohibition (<c>doNotPerform</c>) is acted on.
/// <c>entered-in-error</c> and <c>cancelled</c> take back what an earlier version published.
/// </summary>
public static class MedicationRequestSemantics
{
    public static IReadOnlySet<Status> ActionableStatuses { get; } = new HashSet<Status> { Status.Active };

    /// <summary><c>proposal</c> (no intention to act) and <c>option</c> (only part of a RequestGroup) are not acted on.</summary>
    public static IReadOnlySet<Intent> ActionableIntents { get; } = new HashSet<Intent>
    {
        Intent.Plan, Intent.Order, Intent.OriginalOrder, Intent.ReflexOrder, Intent.FillerOrder, Intent.InstanceOrder,
    };

    public static void Check(MedicationRequest request, FieldReader fields)
    {
        ArgumentNullException.ThrowIfNull(request);
        FhirModifiers.Check(request, fields);
        FhirActionability.Status(request.Status, ActionableStatuses, "MedicationRequest.status", fields);
        FhirActionability.Intent(request.Intent, ActionableIntents, "MedicationRequest.intent", fields);
        FhirActionability.DoNotPerform(request.DoNotPerform, "MedicationRequest.doNotPerform", fields);
    }

    /// <summary>The retraction reason when this version takes back earlier ones; null otherwise.</summary>
    public static string? RetractionReason(MedicationRequest request) => request?.Status switch
    {
        Status.EnteredInError => RetractionReasons.EnteredInError,
        Status.Cancelled => RetractionReasons.Withdrawn,
        _ => null,
    };
}
