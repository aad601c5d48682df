using Hub.Adapters.Core.Sources.DropFolder.Reading;

namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>
/// RFC 4180 cells: <see cref="Format"/> writes a record (the quarantine file, the simulator), <see cref="Parse"/>
/// reads a whole text through the source's own CSV reader (CsvHelper), the header as the first record.
/// </summary>
public static class CsvParser
{
    /// <summary>Every record, header first. Throws <see cref="DropFileFormatException"/> where the source would refuse the file.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var file = DropFileReader.Read(DropFileFormat.Csv, System.Text.Encoding.UTF8.GetBytes(text));
        if (file.FileProblem is { } problem)
        {
            return file.Header.Count == 0 && problem == CsvRowReader.NoHeader ? [] : throw new DropFileFormatException(problem);
        }

        return [file.Header, .. file.Rows.Select(r => r.Cells ?? [])];
    }

    public static string Format(IEnumerable<string> cells) =>
        string.Join(',', cells.Select(c => c.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c));
}
