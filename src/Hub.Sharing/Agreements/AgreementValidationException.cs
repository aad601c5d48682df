namespace Hub.Sharing.Agreements;

/// <summary>An agreement set that must not be used; carries every error found.</summary>
public sealed class AgreementValidationException : Exception
{
    public AgreementValidationException(IReadOnlyList<AgreementDiagnostic> errors)
        : base($"{errors.Count(e => e.IsError)} error(s) in agreements: " + string.Join("; ", errors.Where(e => e.IsError)))
    {
        Errors = errors;
    }

    public AgreementValidationException()
        : this([])
    {
    }

    public AgreementValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public AgreementValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<AgreementDiagnostic> Errors { get; }
}
