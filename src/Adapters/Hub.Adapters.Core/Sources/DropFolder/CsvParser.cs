using System.Text;

namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>A small RFC 4180 reader: quoted cells may hold commas, doubled quotes and line breaks.</summary>
public static class CsvParser
{
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<IReadOnlyList<string>>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    break;
                default:
                    cell.Append(c);
                    any = true;
                    break;
            }
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            if (any || cell.Length > 0)
            {
                cells.Add(cell.ToString());
                records.Add([.. cells]);
            }

            cells.Clear();
            cell.Clear();
            any = false;
        }
    }

    public static string Format(IEnumerable<string> cells) =>
        string.Join(',', cells.Select(c => c.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c));
}
