namespace Hub.Adapters.Probation.Consents;

/// <summary>
/// One row of the probation case system's consent register export (<c>consents*.csv</c>): a consent given
/// (<c>GIVEN</c>) or withdrawn (<c>WITHDRAWN</c>). The columns are fixed because other tools write the same format.
/// Text as the source holds it; <see cref="ConsentRecordMapper"/> parses and validates.
/// </summary>
public sealed class ConsentRecord
{
    public string? ConsentId { get; set; }

    /// <summary><c>GIVEN</c> or <c>WITHDRAWN</c>.</summary>
    public string? Action { get; set; }

    /// <summary>When the case system recorded the row; the event's occurred-at.</summary>
    public string? RecordedAt { get; set; }

    public string? PncId { get; set; }

    /// <summary>Prison (NOMS) number, the agency-local id.</summary>
    public string? NomsId { get; set; }

    public string? Nino { get; set; }

    public string? NhsNumber { get; set; }

    /// <summary>Purposes the person consented to, <c>;</c>-separated (e.g. <c>enhanced-resettlement</c>).</summary>
    public string? Purposes { get; set; }

    /// <summary>Agency codes the consent covers, <c>;</c>-separated; empty when it covers an agreement's parties.</summary>
    public string? Recipients { get; set; }

    /// <summary>The agreement whose parties the consent covers (e.g. <c>DSA-009</c>), instead of named recipients.</summary>
    public string? AgreementId { get; set; }

    public string? GivenAt { get; set; }

    public string? ExpiresAt { get; set; }

    public string? WithdrawnAt { get; set; }

    /// <summary>Where the signed form or recording is held in the case system.</summary>
    public string? EvidenceRef { get; set; }
}
