namespace Hub.Adapters.Probation.Assessments;

public sealed class OasysOffender
{
    /// <summary>Case reference number in the probation case system, the agency-local id.</summary>
    public string? Crn { get; set; }

    public string? Pnc { get; set; }

    public string? Nino { get; set; }
}
