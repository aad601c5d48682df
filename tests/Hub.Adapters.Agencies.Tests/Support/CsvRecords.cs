using System.Globalization;
using System.Reflection;
using System.Text;

namespace Hub.Adapters.Agencies.Tests.Support;

/// <summary>
/// Reads a sample CSV (RFC 4180 quoting, header row) into record objects: column <c>release_date</c> fills property
/// <c>ReleaseDate</c>. A stand-in for the SDK's drop-folder source, enough to load the samples.
/// </summary>
public static class CsvRecords
{
    public static IReadOnlyList<T> Read<T>(string path)
        where T : new()
    {
        var rows = Parse(System.IO.File.ReadAllText(path));
        var header = rows[0];
        var properties = header.Select(column => typeof(T).GetProperty(ToPascal(column), BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no property for column {column}")).ToList();
        var records = new List<T>();
        foreach (var row in rows.Skip(1))
        {
            var record = new T();
            for (var i = 0; i < properties.Count && i < row.Count; i++)
            {
                properties[i].SetValue(record, row[i].Length == 0 ? null : row[i]);
            }

            records.Add(record);
        }

        return records;
    }

    private static string ToPascal(string column) =>
        string.Concat(column.Split('_').Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));

    private static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows.Where(r => r.Count > 1 || r[0].Length > 0).ToList();
    }
}
