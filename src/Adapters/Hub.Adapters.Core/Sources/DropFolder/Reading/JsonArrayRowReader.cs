using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Hub.Adapters.Core.Sources.DropFolder.Reading;

/// <summary>
/// One JSON array of objects, streamed element by element. Invalid JSON, or a root that is not an array, refuses the
/// whole file (with the line); an element that is not an object is a row problem. The stream must be seekable: the
/// first byte is peeked to tell "not an array" from "not JSON".
/// </summary>
public sealed class JsonArrayRowReader(Stream stream) : IDropRowReader
{
    public IReadOnlyList<string> Header => [];

    public async IAsyncEnumerable<DropRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (await FirstSignificantByteAsync(stream, cancellationToken) != (byte)'[')
        {
            throw new DropFileFormatException("the file is not a JSON array");
        }

        stream.Position = 0;
        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (elements)
        {
            var row = 0;
            while (true)
            {
                try
                {
                    if (!await elements.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (JsonException ex)
                {
                    throw new DropFileFormatException($"line {(ex.LineNumber ?? 0) + 1}: the file is not valid JSON", ex);
                }

                var element = elements.Current;
                row++;
                yield return element.ValueKind == JsonValueKind.Object
                    ? new DropRow(row, element, null, null, element.GetRawText())
                    : new DropRow(row, null, "the row is not a JSON object", null, element.GetRawText());
            }
        }
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();

    /// <summary>The first byte that is not whitespace or a UTF-8 byte order mark; -1 for an empty file.</summary>
    private static async Task<int> FirstSignificantByteAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer, cancellationToken) == 1)
        {
            if (buffer[0] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF))
            {
                return buffer[0];
            }
        }

        return -1;
    }
}
