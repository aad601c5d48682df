namespace Hub.Adapters.Core.Sources.DropFolder.Reading;

/// <summary>
/// One forward pass over a dropped file, a row at a time: the file is never held whole in memory. Row-level damage
/// comes back as a row with a <see cref="DropRow.ReadProblem"/>; damage that leaves the file unsplittable throws
/// <see cref="DropFileFormatException"/> with its line.
/// </summary>
public interface IDropRowReader : IAsyncDisposable
{
    /// <summary>The CSV header (empty for JSON formats); read by the first <see cref="ReadAsync"/>.</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>The rows in file order, numbered from 1.</summary>
    IAsyncEnumerable<DropRow> ReadAsync(CancellationToken cancellationToken);
}
