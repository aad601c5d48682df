namespace Hub.Adapters.Probation.Assessments;

/// <summary>A criminogenic need section, e.g. <c>3</c> accommodation, <c>4</c> ETE, <c>8</c> drug misuse, <c>10</c> emotional well-being.</summary>
public sealed class OasysSection
{
    public string? Code { get; set; }

    /// <summary>Whether the assessor judged the need linked to risk of harm or reoffending.</summary>
    public bool? LinkedToRisk { get; set; }
}
