namespace Hub.Reports.Subject;

/// <summary>One consent the person gave, as registered, with its withdrawal if any.</summary>
public sealed record SubjectReportConsent
{
    public required string ConsentId { get; init; }

    public required string RecordedBy { get; init; }

    public required IReadOnlyList<string> Purposes { get; init; }

    /// <summary>The recipients it covers; empty means any party.</summary>
    public required IReadOnlyList<string> Recipients { get; init; }

    public string? Agreement { get; init; }

    public required DateTimeOffset GivenAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? WithdrawnAt { get; init; }

    public required string EvidenceRef { get; init; }
}
