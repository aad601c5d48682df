namespace Hub.Reports.Subject;

/// <summary>Everything the hub decided about one person: for a subject access response (UK GDPR Art. 15) and AS-20.</summary>
public sealed record SubjectReport
{
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Which kinds of identifier were searched for (names only: the values are the requester's).</summary>
    public required IReadOnlyList<string> IdentifiersSearched { get; init; }

    public required int Disclosures { get; init; }

    public required int Denials { get; init; }

    public required IReadOnlyList<SubjectReportConsent> Consents { get; init; }

    /// <summary>The ids of the subject keys whose pseudonyms were searched (ids only, never keys).</summary>
    public IReadOnlyList<string> SubjectKeyIdsSearched { get; init; } = [];

    /// <summary>Key ids the ledger holds rows under that no key given matches: those rows were not searched.</summary>
    public IReadOnlyList<string> SubjectKeyIdsNotSearched { get; init; } = [];

    /// <summary>Who answers for the report: controller, data protection officer, how to exercise rights (from configuration).</summary>
    public ReportIssuer? Issuer { get; init; }

    /// <summary>Every disclosure and denial, oldest first.</summary>
    public required IReadOnlyList<SubjectReportEntry> Decisions { get; init; }
}
