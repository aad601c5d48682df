namespace Hub.Adapters.Agencies.Tests.Nhs.Corpus;

/// <summary>One problem a refused corpus resource must be quarantined with: the FHIR path and, for R4 semantics, the reason code.</summary>
public sealed class CorpusRefusal
{
    public string Path { get; set; } = "";

    /// <summary>The reason code the problem text starts with (<c>fhir-not-actionable</c>, ...); null when any text will do.</summary>
    public string? Reason { get; set; }
}
