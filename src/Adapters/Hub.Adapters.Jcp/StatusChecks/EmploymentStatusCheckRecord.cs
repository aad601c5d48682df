namespace Hub.Adapters.Jcp.StatusChecks;

/// <summary>
/// One answered employment-status check (CSV from the benefit system's check log): the query it answers, the
/// claimant's NINo, and the status found from the claim record (in work / not in work / not known).
/// </summary>
public sealed class EmploymentStatusCheckRecord
{
    public string? QueryId { get; set; }

    public string? Nino { get; set; }

    public string? ClaimRef { get; set; }

    /// <summary><c>IN_WORK</c>, <c>NOT_IN_WORK</c> or <c>NOT_KNOWN</c>.</summary>
    public string? Status { get; set; }

    public string? CheckedOn { get; set; }

    public string? AnsweredAt { get; set; }

    /// <summary>The consent the query relied on, or empty when it came under a gateway.</summary>
    public string? ConsentRef { get; set; }

    /// <summary>The gateway the query relied on, e.g. <c>WRA2012-s131</c>.</summary>
    public string? LegalGateway { get; set; }

    /// <summary>The purpose of the query, which the answer keeps (s131 purpose limits).</summary>
    public string? Purpose { get; set; }
}
