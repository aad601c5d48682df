using Hl7.Fhir.Model;
using Hub.Adapters.Nhs.Fhir;

namespace Hub.Adapters.Nhs.Deliveries;

/// <summary>
/// The plain-language narrative of a delivery <c>Communication</c>, read back from the resource's own elements
/// (category text, subject, sender, sent, payload lines, about, note), so it can say nothing the record does not.
/// </summary>
public static class CommunicationNarrative
{
    public static Narrative For(Communication communication)
    {
        ArgumentNullException.ThrowIfNull(communication);
        var facts = new List<string>
        {
            communication.Subject?.Identifier?.Value is { } nhsNumber
                ? $"Patient: NHS number {nhsNumber}"
                : "Patient: not identified (no NHS number was shared)",
        };
        if (communication.Sender?.Display is { } sender)
        {
            facts.Add($"From: {sender}");
        }

        if (communication.Sent is { } sent)
        {
            facts.Add($"Shared at: {sent}");
        }

        facts.AddRange(communication.Payload.Select(p => p.Content).OfType<FhirString>().Select(s => s.Value).OfType<string>());
        facts.AddRange(communication.About.Select(a => $"Amends: {a.Display} (event {a.Identifier?.Value})"));
        var heading = communication.Category.Select(c => c.Text).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? "Notification";
        return FhirNarrative.Generated(heading, facts, communication.Note.Select(n => n.Text).OfType<string>());
    }
}
