using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.Employment.V1;

/// <summary>JCP refers a claimant to an employment-support provider, with support needs (F-18, AS-11).</summary>
[EventType("employment.referral.created", Classification = DataClassification.Personal)]
public sealed record ReferralCreated : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    public required string ReferralId { get; init; }

    [Code]
    public required string Programme { get; init; }

    public required string Provider { get; init; }

    public required DateOnly ReferredOn { get; init; }

    public IReadOnlyList<string> SupportNeeds { get; init; } = [];

    [SpecialCategory]
    public bool? MentalHealthIndicator { get; init; }
}
