using System.Text.Json;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;
using Hub.Sharing.Consent;
using Hub.Sharing.Projection;

namespace Hub.Sharing.Decisions;

/// <summary>
/// Builds the engine's request for one event, the same way for the router and for <c>hub rules</c>, so that
/// what <c>explain</c> predicts is exactly what the router does.
/// </summary>
public static class ShareRequests
{
    public static DecisionRequest Build(AgencyCode source, IShareableEvent @event, IEnumerable<AgencyCode> agencies, DateTimeOffset at, IConsentView consents)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var info = EventCatalogue.TryGet(@event.GetType(), out var found) ? found : throw new ArgumentException($"{@event.GetType().Name} is not in the event catalogue.", nameof(@event));
        var json = JsonSerializer.SerializeToElement(@event, @event.GetType(), ContractJson.Options);
        return new DecisionRequest
        {
            Source = source,
            EventType = info.Name,
            Classification = @event.Envelope.Classification,
            Consent = @event.Envelope.Consent,
            Event = json,
            PresentFields = PayloadProjector.PresentFields(json),
            Candidates = [.. agencies.Where(a => a != source)],
            DecisionTime = at,
            Consents = consents,
        };
    }
}
