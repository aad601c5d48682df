using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Nhs.Fhir;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Nhs.Deliveries;

/// <summary>
/// <c>case.lead-professional.changed</c> (DSA-007: DIP takes or hands back the lead) as a FHIR <c>Communication</c>
/// to the patient's record: who leads now, who led before, the new lead's role (never a person's name), from when,
/// and why when released.
/// </summary>
public static class LeadProfessionalNotificationRecord
{
    public static MappingResult<object> Map(EventDelivered delivery, HubFhirSystems systems)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var fields = new FieldReader();
        var payload = new DeliveryPayloadReader(delivery, fields);
        var newLead = payload.Required("newLeadAgency");
        var effectiveFrom = payload.Timestamp("effectiveFrom");
        var nhsNumber = payload.NhsNumber();
        if (fields.HasProblems)
        {
            return MappingResult<object>.Failure(fields.Problems);
        }

        var lines = new List<string>
        {
            $"New lead agency: {newLead}",
            $"Effective from: {NarrativeText.Format(effectiveFrom)}",
        };
        if (payload.Text("previousLeadAgency") is { } previous)
        {
            lines.Add($"Previous lead agency: {previous}");
        }

        if (payload.Text("newLeadRole") is { } role)
        {
            lines.Add($"New lead role: {role}");
        }

        if (payload.Text("reason") is { } reason)
        {
            lines.Add($"Reason: {reason}");
        }

        return MappingResult<object>.Success(FhirR4Resource.From(NhsCommunication.For(delivery, systems, "Lead professional changed", nhsNumber, lines)));
    }
}
