namespace Hub.Sharing.Agreements;

/// <summary>
/// Everything lint found, and the set of the agreements without errors. <see cref="Set"/> is null only when an error
/// stops the whole set (participants.yaml, an id in two files); <see cref="Refused"/> names the agreement files left out.
/// </summary>
public sealed record LintResult(AgreementSet? Set, IReadOnlyList<AgreementDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Agreement files refused for their own errors; the set loads without them.</summary>
    public IReadOnlyList<string> Refused { get; init; } = [];
}
