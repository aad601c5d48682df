namespace Hub.Adapters.Jcp.Referrals;

/// <summary>
/// One row of the Jobcentre adviser system's provider-referral log (CSV): a claimant referred to the Work Programme
/// (AS-11, DSA-011) or, from the Universal Credit front end, screened for the Tri-borough pilot (AS-12, DSA-012).
/// Text as the log holds it; the mapper parses and validates. The office and adviser notes stay at JCP.
/// </summary>
public sealed class ProgrammeReferralRecord
{
    public string? ReferralId { get; set; }

    /// <summary><c>WORK_PROGRAMME</c> or <c>UC_PILOT</c>.</summary>
    public string? ProgrammeCode { get; set; }

    /// <summary>The provider's code in the referral log, e.g. <c>ways-into-work</c> or <c>tri-borough-pilot</c>.</summary>
    public string? ProviderCode { get; set; }

    public string? ReferredOn { get; set; }

    /// <summary>When the adviser submitted the referral; the event's time.</summary>
    public string? SubmittedAt { get; set; }

    public string? Nino { get; set; }

    /// <summary>The claim (or UC application) reference, the agency-local id.</summary>
    public string? ClaimRef { get; set; }

    /// <summary>Support needs as the adviser ticked them, separated by <c>;</c> (e.g. <c>confidence;cv-writing</c>).</summary>
    public string? SupportNeeds { get; set; }

    /// <summary><c>Y</c>/<c>N</c>/empty: the high-need (mental health) indicator, health data shared only on consent.</summary>
    public string? MentalHealthIndicator { get; set; }

    /// <summary>The claimant's referral consent, which covers the mental-health indicator when they agreed to it.</summary>
    public string? ConsentRef { get; set; }

    /// <summary>The Jobcentre office; kept at JCP, never shared.</summary>
    public string? Office { get; set; }

    /// <summary>Adviser's free-text notes; kept at JCP, never shared.</summary>
    public string? AdviserNotes { get; set; }
}
