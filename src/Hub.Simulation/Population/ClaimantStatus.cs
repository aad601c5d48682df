namespace Hub.Simulation.Population;

/// <summary>Which of the §4a claimant pools a synthetic resident is in; JCP's answers about them follow from it.</summary>
public enum ClaimantStatus
{
    /// <summary>Not claiming an out-of-work benefit.</summary>
    None,

    /// <summary>Jobseeker's Allowance: high churn (§4a: 92% back in work within a year).</summary>
    Jsa,

    /// <summary>Incapacity Benefit / ESA or lone-parent benefits: low churn (§4a: 8-year average IB claim).</summary>
    IbEsa,
}
