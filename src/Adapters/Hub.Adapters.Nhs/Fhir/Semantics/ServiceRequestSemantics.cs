using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Health.V1;

namespace Hub.Adapters.Nhs.Fhir.Semantics;

/// <summary>
/// What a ServiceRequest means under R4 for a referral: only an <c>active</c> request whose intent is a plan, a
/// directive or an order and which is not a prohibition (<c>doNotPerform</c>) is a referral that has been made.
/// <c>entered-in-error</c> and <c>revoked</c> take back what an earlier version published.
/// </summary>
public static class ServiceRequestSemantics
{
    public static IReadOnlySet<RequestStatus> ActionableStatuses { get; } = new HashSet<RequestStatus> { RequestStatus.Active };

    /// <summary><c>proposal</c> (no intention to act) and <c>option</c> (only part of a RequestGroup) are not acted on.</summary>
    public static IReadOnlySet<RequestIntent> ActionableIntents { get; } = new HashSet<RequestIntent>
    {
        RequestIntent.Plan, RequestIntent.Directive, RequestIntent.Order, RequestIntent.OriginalOrder, RequestIntent.ReflexOrder, RequestIntent.FillerOrder, RequestIntent.InstanceOrder,
    };

    public static void Check(ServiceRequest request, FieldReader fields)
    {
        ArgumentNullException.ThrowIfNull(request);
        FhirModifiers.Check(request, fields);
        FhirActionability.Status(request.Status, ActionableStatuses, "ServiceRequest.status", fields);
        FhirActionability.Intent(request.Intent, ActionableIntents, "ServiceRequest.intent", fields);
        FhirActionability.DoNotPerform(request.DoNotPerform, "ServiceRequest.doNotPerform", fields);
    }

    /// <summary>The retraction reason when this version takes back earlier ones; null otherwise.</summary>
    public static string? RetractionReason(ServiceRequest request) => request?.Status switch
    {
        RequestStatus.EnteredInError => RetractionReasons.EnteredInError,
        RequestStatus.Revoked => RetractionReasons.Withdrawn,
        _ => null,
    };
}
