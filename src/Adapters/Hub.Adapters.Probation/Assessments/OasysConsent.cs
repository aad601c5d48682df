namespace Hub.Adapters.Probation.Assessments;

public sealed class OasysConsent
{
    public string? Reference { get; set; }

    /// <summary>The purpose the consent was given for, e.g. <c>enhanced-resettlement</c> or <c>information-passport</c>.</summary>
    public string? Purpose { get; set; }
}
