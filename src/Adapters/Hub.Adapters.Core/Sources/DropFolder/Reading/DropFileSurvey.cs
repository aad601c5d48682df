namespace Hub.Adapters.Core.Sources.DropFolder.Reading;

/// <summary>
/// The pass before anything is published: the file's length (a file larger than <c>MaxFileBytes</c> is refused whole,
/// before a byte of it is read), then the content hash (the rows' event ids derive from it), UTF-8, and a full parse, so
/// a file that cannot be split into rows is refused whole before its first row leaves (docs/adr/0009). Every pass
/// streams the file in fixed-size chunks; none holds it in memory.
/// </summary>
public static class DropFileSurvey
{
    public static async Task<DropFileSurveyResult> RunAsync(string path, DropFileFormat format, long maxBytes, CancellationToken cancellationToken)
    {
        if (new FileInfo(path).Length > maxBytes)
        {
            return new DropFileSurveyResult(null, 0, TooLarge);
        }

        var (hash, problem) = await Utf8FileCheck.RunAsync(path, maxBytes, cancellationToken);
        if (problem is not null)
        {
            return new DropFileSurveyResult(hash, 0, problem);
        }

        var rows = 0;
        try
        {
            await using var reader = DropRowReaders.OpenFile(format, path);
            await foreach (var row in reader.ReadAsync(cancellationToken))
            {
                rows = row.Row;
            }
        }
        catch (DropFileFormatException ex)
        {
            return new DropFileSurveyResult(hash, 0, ex.Message);
        }

        return new DropFileSurveyResult(hash, rows, null);
    }

    /// <summary>Why a file over the limit is refused; also when it grew past the limit while it was hashed.</summary>
    public static string TooLarge => $"the file is larger than {DropFolderOptions.SectionName}:MaxFileBytes";
}
