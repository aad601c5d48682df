namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>
/// Progress through one file: every row up to <see cref="LastRow"/> is published (broker-confirmed) or quarantined.
/// Bound to the file's content hash, so a different file under the same name starts from the beginning.
/// </summary>
public sealed record DropFileCheckpoint
{
    public required string ContentSha256 { get; init; }

    public required int LastRow { get; init; }

    public required int Published { get; init; }

    public required IReadOnlyList<QuarantinedRow> Quarantined { get; init; }
}
