using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.Consent.V1;

/// <summary>A person has withdrawn a consent; consent-based sharing under it stops and past recipients are recalled.</summary>
[EventType("consent.withdrawn", Classification = DataClassification.Personal)]
public sealed record ConsentWithdrawn : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    public required string ConsentId { get; init; }

    public required DateTimeOffset WithdrawnAt { get; init; }
}
