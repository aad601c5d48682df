namespace Hub.Contracts.Subjects;

/// <summary>
/// Who an event is about. At least one identifier is required; each present identifier must be well formed.
/// Identifiers are personal data: they travel only in message bodies, never in headers, logs or traces.
/// </summary>
public sealed record SubjectIdentifiers
{
    public string? NhsNumber { get; init; }

    public string? PncId { get; init; }

    /// <summary>National Insurance number.</summary>
    public string? Nino { get; init; }

    /// <summary>The source agency's own case or person reference.</summary>
    public string? LocalId { get; init; }

    /// <summary>Field names of the identifiers, as agreements name them (<c>subject.nhsNumber</c> …).</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
        ["subject.nhsNumber", "subject.pncId", "subject.nino", "subject.localId"];

    /// <summary>Describes every problem with the identifiers, naming the field but never its value.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (NhsNumber is null && PncId is null && Nino is null && LocalId is null)
        {
            problems.Add("subject has no identifier");
        }

        if (NhsNumber is not null && !Subjects.NhsNumber.IsValid(NhsNumber))
        {
            problems.Add("subject.nhsNumber fails the NHS number format or check digit");
        }

        if (PncId is not null && !Subjects.PncId.IsValid(PncId))
        {
            problems.Add("subject.pncId is not a well-formed PNC id (YYYY/NNNNNNNC with a valid check letter)");
        }

        if (Nino is not null && NationalInsuranceNumber.Problem(Nino) is { } ninoProblem)
        {
            problems.Add($"subject.nino is not a valid National Insurance number ({ninoProblem})");
        }

        if (LocalId is not null && (LocalId.Length is 0 or > 64 || LocalId.Any(char.IsControl)))
        {
            problems.Add("subject.localId must be 1-64 printable characters");
        }

        return problems;
    }
}
