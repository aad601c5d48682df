namespace Hub.Adapters.Council.Housing;

/// <summary>
/// A homelessness application from the housing options system (JSON). When the applicant declares a job, housing
/// asks DWP under WRA 2012 s131 to confirm it (AS-13).
/// </summary>
public sealed class HousingApplicationRecord
{
    public string? ApplicationRef { get; set; }

    public string? SubmittedAt { get; set; }

    public string? ApplicantNino { get; set; }

    /// <summary>Start date of the job the applicant declares, if any.</summary>
    public string? DeclaredJobStart { get; set; }

    /// <summary>Whether the application needs the declared employment verified with DWP.</summary>
    public bool VerifyEmployment { get; set; }
}
