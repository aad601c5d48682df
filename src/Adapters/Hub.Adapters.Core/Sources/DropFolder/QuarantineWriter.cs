using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>
/// Writes <c>quarantine/&lt;file&gt;.rejected.csv|json</c>: the rejected rows as they were, with their row numbers
/// and reasons, so the agency can fix and re-drop them. The rows are the agency's own data on its own disk.
/// </summary>
public static class QuarantineWriter
{
    public const string RowColumn = "agencyhub_row";
    public const string ReasonsColumn = "agencyhub_reasons";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static byte[] Render(DropFile file, IReadOnlyList<QuarantinedRow> rejected)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(rejected);
        var byRow = file.Rows.ToDictionary(r => r.Row);
        if (file.Format == DropFileFormat.Csv)
        {
            var text = new StringBuilder();
            text.Append(CsvParser.Format([RowColumn, ReasonsColumn, .. file.Header])).Append("\r\n");
            foreach (var row in rejected)
            {
                var cells = byRow.TryGetValue(row.Row, out var read) ? read.Cells ?? [] : [];
                text.Append(CsvParser.Format([row.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join("; ", row.Reasons), .. cells])).Append("\r\n");
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        }

        var array = new JsonArray();
        foreach (var row in rejected)
        {
            var raw = byRow.TryGetValue(row.Row, out var read) ? read.RawJson : null;
            JsonNode? record;
            try
            {
                record = raw is null ? null : JsonNode.Parse(raw);
            }
            catch (JsonException)
            {
                record = raw;
            }

            array.Add(new JsonObject
            {
                ["row"] = row.Row,
                ["reasons"] = new JsonArray([.. row.Reasons.Select(r => (JsonNode)r)]),
                ["record"] = record,
            });
        }

        return JsonSerializer.SerializeToUtf8Bytes(array, Indented);
    }
}
