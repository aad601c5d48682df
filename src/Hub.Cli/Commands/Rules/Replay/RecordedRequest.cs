using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;
using Hub.Router.Consent;
using Hub.Sharing.Consent;
using Hub.Sharing.Decisions;
using Hub.Sharing.Replay;

namespace Hub.Cli.Commands.Rules.Replay;

/// <summary>
/// The engine's request for a recorded event, rebuilt from its ledger rows alone: source, type, the footing it carried
/// (consent reference, gateway, declared purpose), the present field names, the recorded coded values (the only values
/// conditions can read), the recipients it was decided for, and the registry's consent at the recorded decision time.
/// </summary>
internal static class RecordedRequest
{
    public static DecisionRequest Build(RecordedEvent recorded, IReadOnlyList<AgencyCode> candidates, ReplayConsents consents)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var row = recorded.First;
        return new DecisionRequest
        {
            Source = new AgencyCode(recorded.Source),
            EventType = row.EventType!,
            Classification = EventCatalogue.TryGet(row.EventType!, out var info) ? info.Classification : DataClassification.Personal,
            Consent = new ConsentTag { ConsentRef = row.ConsentRef, LegalGateway = row.LegalGateway, CollectionPurpose = row.CollectionPurpose ?? string.Empty },
            Event = EventOf(recorded),
            PresentFields = recorded.PresentFields,
            Candidates = candidates,
            DecisionTime = row.RecordedAt,
            Consents = row.ConsentRef is { } consentRef ? new RegistryConsentView(consents.Find(consentRef), row.SubjectPseudonyms) : ConsentSnapshot.Empty,
        };
    }

    /// <summary>The names of the fields whose values the ledger recorded for this event.</summary>
    public static IReadOnlySet<string> FactFields(RecordedEvent recorded) =>
        recorded.First.EventFacts.Select(f => EventFacts.TryParse(f, out var field, out _) ? field : null).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The event as conditions see it: the recorded values at top level, and each present subject identifier marked
    /// present (conditions may only test those for presence). Nothing else is known, and nothing else is invented.
    /// </summary>
    private static JsonElement EventOf(RecordedEvent recorded)
    {
        var json = new JsonObject();
        foreach (var fact in recorded.First.EventFacts)
        {
            if (EventFacts.TryParse(fact, out var field, out var value))
            {
                json[field] = JsonNode.Parse(value.GetRawText());
            }
        }

        var subject = new JsonObject();
        foreach (var field in recorded.PresentFields.Where(f => f.StartsWith("subject.", StringComparison.Ordinal)))
        {
            subject[field["subject.".Length..]] = "present";
        }

        json["envelope"] = new JsonObject { ["subject"] = subject };
        return JsonSerializer.SerializeToElement(json);
    }
}
