using System.Globalization;
using Hl7.Fhir.Model;
using Hub.Adapters.Nhs.Fhir;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Nhs.Deliveries;

/// <summary>
/// A FHIR R4 <c>Communication</c> (category <c>notification</c>) telling a GP or trust system what a partner shared:
/// the patient by NHS number when the flow released it, the hub event type as <c>topic</c>, one <c>payload</c> line
/// per released field, and a generated narrative of the same. Built from the delivery alone (id, <c>sent</c> = the
/// sharing decision), so a redelivery yields the same resource and its <c>identifier</c> (the delivery id) lets the
/// receiver drop the repeat. It claims the UK Core Communication profile.
/// </summary>
public static class NhsCommunication
{
    public static Communication For(EventDelivered delivery, HubFhirSystems systems, string title, string? nhsNumber, IEnumerable<string> lines, ResourceReference? about = null)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(systems);
        ArgumentNullException.ThrowIfNull(lines);
        var communication = new Communication
        {
            Id = delivery.DeliveryId.ToString("D", CultureInfo.InvariantCulture),
            Meta = new Meta { Profile = [UkCoreProfiles.Communication] },
            Identifier = [new Identifier(systems.Delivery, delivery.DeliveryId.ToString("D", CultureInfo.InvariantCulture))],
            Status = EventStatus.Completed,
            Category = [new CodeableConcept(FhirSystems.CommunicationCategory, "notification", "Notification", title)],
            Priority = RequestPriority.Routine,
            Topic = new CodeableConcept(systems.EventType, delivery.EventType, delivery.EventType),
            Sent = new FhirDateTime(delivery.DecidedAt).Value,
            Sender = new ResourceReference { Identifier = new Identifier(systems.Agency, delivery.Source.Value), Display = $"{delivery.Source.Value} via AgencyHub" },
            Payload = [.. lines.Select(line => new Communication.PayloadComponent { Content = new FhirString(line) })],
            Note = [new Annotation { Text = new Markdown(Basis(delivery)) }],
        };
        if (nhsNumber is not null)
        {
            communication.Subject = new ResourceReference { Type = "Patient", Identifier = new Identifier(FhirSystems.NhsNumber, nhsNumber) };
        }

        if (about is not null)
        {
            communication.About = [about];
        }

        communication.Text = CommunicationNarrative.For(communication);
        return communication;
    }

    /// <summary>On what grounds the partner shared it, and what the NHS may do with it (obligations travel with the record).</summary>
    private static string Basis(EventDelivered delivery)
    {
        var basis = $"Shared under {delivery.AgreementId}@{delivery.AgreementVersion} ({delivery.FlowId}) for {delivery.Purpose}.";
        if (delivery.Obligations.RetentionDays is { } days)
        {
            basis += string.Create(CultureInfo.InvariantCulture, $" Retain until {delivery.DecidedAt.AddDays(days):yyyy-MM-dd}.");
        }

        return delivery.Obligations.OnwardSharingForbidden ? basis + " Do not share onward." : basis;
    }
}
