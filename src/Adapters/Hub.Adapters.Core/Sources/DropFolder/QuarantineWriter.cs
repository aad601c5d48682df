using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Adapters.Core.Sources.DropFolder.Reading;

namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>
/// Writes <c>quarantine/&lt;file&gt;.rejected.csv|json</c>: the rejected rows as they were, with their row numbers
/// and reasons, so the agency can fix and re-drop them. The rows are the agency's own data on its own disk. The
/// source file is read again, a row at a time, to pick the rejected rows out.
/// </summary>
public static class QuarantineWriter
{
    public const string RowColumn = "agencyhub_row";
    public const string ReasonsColumn = "agencyhub_reasons";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Task WriteAsync(string destination, DropFileFormat format, string source, IReadOnlyList<QuarantinedRow> rejected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var byRow = rejected.ToDictionary(r => r.Row);
        return DurableFile.WriteAsync(destination, (stream, token) => format == DropFileFormat.Csv ? WriteCsvAsync(stream, source, byRow, token) : WriteJsonAsync(stream, format, source, byRow, token), cancellationToken);
    }

    private static async Task WriteCsvAsync(Stream output, string source, Dictionary<int, QuarantinedRow> rejected, CancellationToken cancellationToken)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await using var reader = DropRowReaders.OpenFile(DropFileFormat.Csv, source);
        var headerWritten = false;
        await foreach (var row in reader.ReadAsync(cancellationToken))
        {
            if (!headerWritten)
            {
                await text.WriteAsync(CsvParser.Format([RowColumn, ReasonsColumn, .. reader.Header]) + "\r\n");
                headerWritten = true;
            }

            if (rejected.TryGetValue(row.Row, out var quarantined))
            {
                await text.WriteAsync(CsvParser.Format([row.Row.ToString(CultureInfo.InvariantCulture), string.Join("; ", quarantined.Reasons), .. row.Cells ?? []]) + "\r\n");
            }
        }
    }

    private static async Task WriteJsonAsync(Stream output, DropFileFormat format, string source, Dictionary<int, QuarantinedRow> rejected, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        await using var reader = DropRowReaders.OpenFile(format, source);
        await foreach (var row in reader.ReadAsync(cancellationToken))
        {
            if (rejected.TryGetValue(row.Row, out var quarantined))
            {
                Entry(row, quarantined).WriteTo(json, Indented);
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
    }

    private static JsonObject Entry(DropRow row, QuarantinedRow quarantined)
    {
        JsonNode? record;
        try
        {
            record = row.RawJson is null ? null : JsonNode.Parse(row.RawJson);
        }
        catch (JsonException)
        {
            record = row.RawJson;
        }

        return new JsonObject
        {
            ["row"] = quarantined.Row,
            ["reasons"] = new JsonArray([.. quarantined.Reasons.Select(r => (JsonNode)r)]),
            ["record"] = record,
        };
    }
}
