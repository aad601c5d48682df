namespace Hub.Adapters.Probation.Releases;

/// <summary>
/// One row of a prison's release list (CSV export of the establishment's release planning): a new release date or
/// an amendment to one already notified. Text as the source holds it; the mapper parses and validates.
/// </summary>
public sealed class ReleaseNoticeRecord
{
    public string? NoticeId { get; set; }

    /// <summary><c>NEW</c> or <c>AMENDED</c>.</summary>
    public string? NoticeType { get; set; }

    /// <summary>For an amendment, the notice id it supersedes.</summary>
    public string? SupersedesNoticeId { get; set; }

    public string? IssuedAt { get; set; }

    public string? Prison { get; set; }

    public string? PncId { get; set; }

    /// <summary>Prison (NOMS) number, the agency-local id, e.g. <c>A1234BC</c>.</summary>
    public string? NomsId { get; set; }

    public string? Nino { get; set; }

    public string? ReleaseDate { get; set; }

    public string? PreviousReleaseDate { get; set; }

    public string? SentenceMonths { get; set; }

    /// <summary>Local authority responsible for resettlement (lower-case code, e.g. <c>lewisham</c>).</summary>
    public string? ResettlementArea { get; set; }

    public string? AddressOnRelease { get; set; }

    /// <summary><c>MAPPA</c>, <c>PPO</c>, <c>IOM</c> or empty.</summary>
    public string? CohortTier { get; set; }

    /// <summary>Licence conditions as the prison records them; kept in the source, never shared.</summary>
    public string? LicenceConditions { get; set; }

    public string? WeekendRelease { get; set; }

    public string? AmendmentReason { get; set; }

    public string? SubstanceMisuseFlag { get; set; }

    public string? MentalHealthFlag { get; set; }

    /// <summary>Offender manager's team (a role, never a name).</summary>
    public string? LeadProfessional { get; set; }

    /// <summary>Enhanced-resettlement opt-in consent reference (DSA-009) when the person signed one.</summary>
    public string? OptInConsentRef { get; set; }
}
