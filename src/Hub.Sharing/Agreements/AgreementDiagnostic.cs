namespace Hub.Sharing.Agreements;

/// <summary>A problem in an agreement file, located precisely enough to fix it, with a suggestion where one exists.</summary>
public sealed record AgreementDiagnostic(string File, int Line, int Column, string Message)
{
    public DiagnosticSeverity Severity { get; init; } = DiagnosticSeverity.Error;

    public string? Suggestion { get; init; }

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{File}:{Line}:{Column}: {Severity.ToString().ToLowerInvariant()}: {Message}{(Suggestion is null ? string.Empty : $" ({Suggestion})")}";
}
