using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Hub.Adapters.Core.Sources.DropFolder.Reading;

/// <summary>One JSON object per line, streamed; blank lines are skipped and rows are the non-blank lines from 1.</summary>
public sealed class NdjsonRowReader(Stream stream) : IDropRowReader
{
    private readonly StreamReader _reader = new(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: false);

    public IReadOnlyList<string> Header => [];

    public async IAsyncEnumerable<DropRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var row = 0;
        var first = true;
        while (await _reader.ReadLineAsync(cancellationToken) is { } read)
        {
            var line = first ? read.TrimStart('\uFEFF') : read;
            first = false;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            row++;
            yield return Parse(row, line);
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        return ValueTask.CompletedTask;
    }

    private static DropRow Parse(int row, string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var element = document.RootElement.Clone();
            return element.ValueKind == JsonValueKind.Object
                ? new DropRow(row, element, null, null, line)
                : new DropRow(row, null, "the row is not a JSON object", null, line);
        }
        catch (JsonException)
        {
            return new DropRow(row, null, "the row is not valid JSON", null, line);
        }
    }
}
