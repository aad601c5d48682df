using System.Text.Json;
using Hub.Contracts.Delivery.V1;
using Hub.Router.Ledger;

namespace Hub.Cli.Embedded;

/// <summary>
/// What the embedded run prints: per scenario step, what each agency actually received (read from the delivered
/// payloads, not from the decision), what was withheld, and every denial and rejection with its reason.
/// </summary>
internal sealed class RunReport(TextWriter output)
{
    public void Write(string agreementsPath, string setHash, string ledgerPath, IReadOnlyList<ScenarioStep> steps, IReadOnlyList<LedgerEntry> entries, IReadOnlyCollection<EventDelivered> received)
    {
        output.WriteLine("AgencyHub embedded run: router + police, probation, jcp, nhs and council adapters in one process");
        output.WriteLine($"  transport: MassTransit in-memory   agreements: {agreementsPath} (set {setHash})");
        output.WriteLine();

        foreach (var step in steps)
        {
            var eventId = step.Event.Envelope.EventId;
            output.WriteLine($"{step.Scenario}: {step.Description}");
            output.WriteLine($"  event {eventId} submitted through the {step.SubmittedBy} ingress");
            foreach (var entry in entries.Where(e => e.EventId == eventId).OrderBy(e => LedgerOutcomes.ToText(e.Outcome), StringComparer.Ordinal).ThenBy(e => e.Recipient, StringComparer.Ordinal))
            {
                WriteEntry(entry, received);
            }

            output.WriteLine();
        }

        var allowed = entries.Count(e => e.Outcome == LedgerOutcome.Allowed);
        var denied = entries.Count(e => e.Outcome == LedgerOutcome.Denied);
        var rejected = entries.Count(e => e.Outcome == LedgerOutcome.Rejected);
        output.WriteLine($"Ledger: {entries.Count} rows written this run ({allowed} allowed, {denied} denied, {rejected} rejected), each before any delivery left.");
        output.WriteLine($"  {ledgerPath}");
    }

    private void WriteEntry(LedgerEntry entry, IReadOnlyCollection<EventDelivered> received)
    {
        switch (entry.Outcome)
        {
            case LedgerOutcome.Allowed:
                var delivery = received.FirstOrDefault(d => d.DeliveryId == entry.DeliveryId);
                output.WriteLine($"  + {entry.Recipient,-9} shared under {entry.AgreementId}@{entry.AgreementVersion} flow {entry.FlowId}, purpose {entry.Purpose}");
                output.WriteLine($"      received: {(delivery is null ? "(not yet delivered)" : string.Join(", ", FieldsOf(delivery.Payload)))}");
                output.WriteLine($"      withheld: {(entry.WithheldFields.Count == 0 ? "nothing" : string.Join(", ", entry.WithheldFields))}");
                break;
            case LedgerOutcome.Denied:
                output.WriteLine($"  - {entry.Recipient,-9} denied: {string.Join("; ", entry.Reasons)}");
                break;
            default:
                output.WriteLine($"  x rejected ({(entry.Reasons.Count > 0 ? entry.Reasons[0] : "?")}): {(entry.Reasons.Count > 1 ? entry.Reasons[1] : string.Empty)}; nothing forwarded");
                break;
        }
    }

    private static IEnumerable<string> FieldsOf(JsonElement payload)
    {
        foreach (var property in payload.EnumerateObject())
        {
            if (property.NameEquals("subject"))
            {
                foreach (var identifier in property.Value.EnumerateObject())
                {
                    yield return "subject." + identifier.Name;
                }
            }
            else
            {
                yield return property.Name;
            }
        }
    }
}
