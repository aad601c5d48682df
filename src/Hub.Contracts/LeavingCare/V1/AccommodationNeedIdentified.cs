using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.LeavingCare.V1;

/// <summary>
/// A public body (e.g. probation before a release) finds that a care leaver needs accommodation and refers them
/// (F-31, G-19, AS-17). The responsible authority, the council the person was looked after by, can differ from
/// the authority where they live or ask to be housed; agreements route on each with field conditions.
/// </summary>
[EventType("leaving-care.accommodation-need.identified", Classification = DataClassification.Personal)]
public sealed record AccommodationNeedIdentified : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    public required string ReferralId { get; init; }

    public required DateOnly IdentifiedOn { get; init; }

    /// <summary>The local authority that looked after the person and keeps leaving-care duties, e.g. <c>lambeth</c>.</summary>
    public required string ResponsibleAuthority { get; init; }

    /// <summary>The local authority area where the person lives or asks to be housed, e.g. <c>southwark</c>.</summary>
    public required string ResidenceAuthority { get; init; }

    public DateOnly? AccommodationNeededBy { get; init; }

    /// <summary>Where the person is now, e.g. <c>custody</c>, <c>sofa-surfing</c>, <c>rough-sleeping</c>, <c>supported-lodgings</c>.</summary>
    public string? CurrentAccommodation { get; init; }

    public string? ContactAddress { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    /// <summary>The responsible authority's leaving-care team the referrer knows of (a team, not a personal name).</summary>
    public string? LeavingCareTeam { get; init; }

    public bool? PathwayPlanInPlace { get; init; }
}
