using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>Splits a dropped file into rows. Row-level damage becomes a row problem; whole-file damage a file problem.</summary>
public static class DropFileReader
{
    public static bool TryFormatOf(string fileName, out DropFileFormat format)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        (var known, format) = extension switch
        {
            ".csv" => (true, DropFileFormat.Csv),
            ".json" => (true, DropFileFormat.JsonArray),
            ".ndjson" or ".jsonl" => (true, DropFileFormat.Ndjson),
            _ => (false, DropFileFormat.Csv),
        };
        return known;
    }

    public static DropFile Read(DropFileFormat format, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = new UTF8Encoding(false, true).GetString(content).TrimStart('\uFEFF');
        return format switch
        {
            DropFileFormat.Csv => ReadCsv(text),
            DropFileFormat.JsonArray => ReadJsonArray(text),
            _ => ReadNdjson(text),
        };
    }

    private static DropFile ReadCsv(string text)
    {
        var records = CsvParser.Parse(text);
        if (records.Count == 0)
        {
            return new DropFile(DropFileFormat.Csv, [], [], "the file has no header row");
        }

        var header = records[0];
        var rows = new List<DropRow>();
        for (var i = 1; i < records.Count; i++)
        {
            var cells = records[i];
            if (cells.Count != header.Count)
            {
                rows.Add(new DropRow(i, null, $"the row has {cells.Count} cells; the header has {header.Count}", cells, null));
                continue;
            }

            var fields = new JsonObject();
            for (var c = 0; c < header.Count; c++)
            {
                fields[header[c]] = cells[c];
            }

            rows.Add(new DropRow(i, JsonSerializer.SerializeToElement(fields), null, cells, null));
        }

        return new DropFile(DropFileFormat.Csv, header, rows, null);
    }

    private static DropFile ReadJsonArray(string text)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return new DropFile(DropFileFormat.JsonArray, [], [], "the file is not valid JSON");
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            return new DropFile(DropFileFormat.JsonArray, [], [], "the file is not a JSON array");
        }

        var rows = root.EnumerateArray().Select((element, i) => element.ValueKind == JsonValueKind.Object
            ? new DropRow(i + 1, element, null, null, element.GetRawText())
            : new DropRow(i + 1, null, "the row is not a JSON object", null, element.GetRawText())).ToList();
        return new DropFile(DropFileFormat.JsonArray, [], rows, null);
    }

    private static DropFile ReadNdjson(string text)
    {
        var rows = new List<DropRow>();
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            try
            {
                using var document = JsonDocument.Parse(lines[i]);
                var element = document.RootElement.Clone();
                rows.Add(element.ValueKind == JsonValueKind.Object
                    ? new DropRow(i + 1, element, null, null, lines[i])
                    : new DropRow(i + 1, null, "the row is not a JSON object", null, lines[i]));
            }
            catch (JsonException)
            {
                rows.Add(new DropRow(i + 1, null, "the row is not valid JSON", null, lines[i]));
            }
        }

        return new DropFile(DropFileFormat.Ndjson, [], rows, null);
    }
}
