namespace Hub.Reports.Subject;

/// <summary>One decision about the person: a disclosure (what left, on what footing) or a denial (and why).</summary>
public sealed record SubjectReportEntry
{
    public required DateTimeOffset When { get; init; }

    /// <summary><c>disclosed</c> or <c>denied</c>.</summary>
    public required string Outcome { get; init; }

    public required Guid EventId { get; init; }

    public required string EventType { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public string? Purpose { get; init; }

    /// <summary>UK GDPR Art. 6 basis and conditions, as the flow states them.</summary>
    public string? LawfulBasis { get; init; }

    /// <summary>What the disclosure relied on: consent, gateway or basis.</summary>
    public string? Footing { get; init; }

    /// <summary>agreement id@version.</summary>
    public string? Agreement { get; init; }

    public string? Flow { get; init; }

    public string? Consent { get; init; }

    public string? Gateway { get; init; }

    public required IReadOnlyList<string> FieldsReleased { get; init; }

    public required IReadOnlyList<string> FieldsWithheld { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    public Guid? DeliveryId { get; init; }

    /// <summary>For disclosures only: recalled after a consent withdrawal, or why not (cause <c>consent-withdrawal</c>).</summary>
    public SubjectReportRecall? Recall { get; init; }

    /// <summary>For disclosures only: the recalls after the source retracted the event (cause <c>retraction</c>); null when none.</summary>
    public IReadOnlyList<SubjectReportRecall>? RetractionRecalls { get; init; }
}
