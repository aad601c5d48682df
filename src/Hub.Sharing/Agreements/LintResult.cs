namespace Hub.Sharing.Agreements;

/// <summary>Everything lint found, and the set itself when there were no errors.</summary>
public sealed record LintResult(AgreementSet? Set, IReadOnlyList<AgreementDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
