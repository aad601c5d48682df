using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.Employment.V1;

/// <summary>A provider's support period has ended and the person returns to JCP (F-19).</summary>
[EventType("employment.support.ended", Classification = DataClassification.Personal)]
public sealed record SupportEnded : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    public required string ReferralId { get; init; }

    public required DateOnly EndedOn { get; init; }

    /// <summary>employed, returned-to-jcp, disengaged or other.</summary>
    public required string Outcome { get; init; }
}
