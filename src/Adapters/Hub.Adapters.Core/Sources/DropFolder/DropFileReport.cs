namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary><c>reports/&lt;file&gt;.result.json</c>: what became of every row of a dropped file.</summary>
public sealed record DropFileReport
{
    public required string File { get; init; }

    /// <summary>Null when the file was refused by its length (larger than <c>MaxFileBytes</c>) and so never read.</summary>
    public required string? ContentSha256 { get; init; }

    public required int Rows { get; init; }

    public required int Published { get; init; }

    public required IReadOnlyList<QuarantinedRow> Quarantined { get; init; }

    /// <summary>Set when the file could not be split into rows at all and was quarantined whole.</summary>
    public string? FileProblem { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }
}
