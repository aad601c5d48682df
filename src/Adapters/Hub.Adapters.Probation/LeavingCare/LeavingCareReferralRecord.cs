namespace Hub.Adapters.Probation.LeavingCare;

/// <summary>
/// One row of the probation case system's accommodation-referral export (<c>leaving-care*.csv</c>): before a release
/// the offender manager finds that a care leaver needs accommodation and makes a duty-to-refer referral (DSA-017).
/// Local authorities are written as the case system shows them (e.g. <c>Lambeth</c>); the mapper turns them into codes.
/// </summary>
public sealed class LeavingCareReferralRecord
{
    public string? ReferralId { get; set; }

    /// <summary>Case reference number in the probation case system, the agency-local id.</summary>
    public string? Crn { get; set; }

    public string? PncId { get; set; }

    public string? Nino { get; set; }

    public string? IdentifiedOn { get; set; }

    /// <summary>The council that looked after the person and keeps leaving-care duties.</summary>
    public string? ResponsibleLa { get; set; }

    /// <summary>The council area where the person lives or asks to be housed.</summary>
    public string? ResidenceLa { get; set; }

    public string? AccommodationNeededBy { get; set; }

    /// <summary>e.g. <c>Custody</c>, <c>Sofa surfing</c>, <c>Rough sleeping</c>, <c>Supported lodgings</c>.</summary>
    public string? CurrentAccommodation { get; set; }

    public string? ContactAddress { get; set; }

    public string? DateOfBirth { get; set; }

    /// <summary>The responsible authority's leaving-care team (a team, never a personal name).</summary>
    public string? LeavingCareTeam { get; set; }

    /// <summary>Y or N: whether the person has a pathway plan.</summary>
    public string? PathwayPlan { get; set; }

    /// <summary>Reference of the person's consent to the duty-to-refer referral (Housing Act 1996 s213B).</summary>
    public string? DtrConsentRef { get; set; }

    /// <summary>The officer's free-text notes; kept in the source, never shared.</summary>
    public string? Notes { get; set; }
}
