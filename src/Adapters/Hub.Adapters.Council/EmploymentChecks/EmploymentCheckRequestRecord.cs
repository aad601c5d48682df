namespace Hub.Adapters.Council.EmploymentChecks;

/// <summary>
/// One row of the council's DWP employment-check request log (CSV), which two services raise checks in: Ways into
/// Work asking at a participant's 26- or 52-week job-outcome checkpoint on their consent (AS-10, DSA-010), and the
/// Troubled Families team asking under WRA 2012 s131 whether an adult in the family is in work (AS-19, DSA-019).
/// Housing options asks from the homelessness application itself (<c>housing-applications*.json</c>).
/// </summary>
public sealed class EmploymentCheckRequestRecord
{
    /// <summary>The log's id for the request; the query id is derived from it, so a re-export asks nothing twice.</summary>
    public string? RequestId { get; set; }

    /// <summary><c>WAYS_INTO_WORK</c> or <c>TROUBLED_FAMILIES</c>.</summary>
    public string? Service { get; set; }

    public string? RaisedAt { get; set; }

    public string? Nino { get; set; }

    /// <summary>The service's own case reference (participant or family member), the agency-local id.</summary>
    public string? CaseRef { get; set; }

    /// <summary>Start date of the job the check is about (declared by the participant or the family).</summary>
    public string? JobStartDate { get; set; }

    /// <summary>Whole weeks in work the check is for: 26 or 52 for Ways into Work outcome claims.</summary>
    public string? CheckpointWeeks { get; set; }

    /// <summary>The participant's outcome-check consent (Ways into Work); empty for s131 requests.</summary>
    public string? ConsentRef { get; set; }

    /// <summary>The case worker's team; kept at the council, never shared.</summary>
    public string? RaisedByTeam { get; set; }
}
