using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Runtime.CompilerServices;
using CsvHelper;

namespace Hub.Adapters.Core.Sources.DropFolder.Reading;

/// <summary>
/// CSV (RFC 4180, comma, header row) through CsvHelper, streamed. Rows are counted from 1 after the header, blank
/// lines skipped. A quote never closed and a duplicated header name refuse the whole file with the line; a stray
/// quote or a wrong cell count makes that row a problem, located by line. Messages never quote cells.
/// </summary>
public sealed class CsvRowReader : IDropRowReader
{
    /// <summary>A record longer than this is refused: in practice a quote left open that swallows the file.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    public const string NoHeader = "the file has no header row";

    private readonly CsvReader _reader;
    private (CsvMalformedReason Reason, long Line)? _malformed;

    public CsvRowReader(Stream stream)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            DetectSeparatorHint = false,
            TrackLineNumbers = true,
            IncludeValuesInExceptions = false,
            MaxRecordSize = MaxRecordBytes,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = m => _malformed ??= (m.Reason, m.LineNumber),
        };
        _reader = CsvReader.Create(stream, options, leaveOpen: false);
    }

    public IReadOnlyList<string> Header { get; private set; } = [];

    public async IAsyncEnumerable<DropRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Guard(() => _reader.ReadHeaderAsync(cancellationToken));
        Header = [.. _reader.Headers];
        if (Header.Count == 0)
        {
            throw new DropFileFormatException(NoHeader);
        }

        ThrowOnDuplicateNames(Header);
        while (await Guard(() => _reader.ReadAsync(cancellationToken)))
        {
            var row = checked((int)_reader.RowNumber);
            var line = _reader.LineNumber;
            var cells = new string[_reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = _reader.GetString(i);
            }

            var malformed = _malformed;
            _malformed = null;
            if (malformed is { Reason: CsvMalformedReason.UnterminatedQuote } open)
            {
                throw new DropFileFormatException($"line {Line(open.Line, line)}: a quoted cell opens there and is never closed");
            }

            yield return malformed is { } bad
                ? new DropRow(row, null, $"line {Line(bad.Line, line)}: {Describe(bad.Reason)}", cells, null)
                : cells.Length != Header.Count
                    ? new DropRow(row, null, $"line {line}: the row has {cells.Length} cells; the header has {Header.Count}", cells, null)
                    : new DropRow(row, Fields(cells), null, cells, null);
        }

        if (_malformed is { Reason: CsvMalformedReason.UnterminatedQuote } last)
        {
            throw new DropFileFormatException($"line {last.Line}: a quoted cell opens there and is never closed");
        }
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    private JsonElement Fields(string[] cells)
    {
        var fields = new JsonObject();
        for (var c = 0; c < cells.Length; c++)
        {
            fields[Header[c]] = cells[c];
        }

        return JsonSerializer.SerializeToElement(fields);
    }

    /// <summary>By position, not name: a "header" may be a data row when the file has none, and names are not echoed.</summary>
    private static void ThrowOnDuplicateNames(IReadOnlyList<string> header)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (!seen.TryAdd(header[i], i))
            {
                throw new DropFileFormatException(string.Create(CultureInfo.InvariantCulture, $"line 1: header columns {seen[header[i]] + 1} and {i + 1} have the same name"));
            }
        }
    }

    private static long Line(long reported, long fallback) => reported > 0 ? reported : fallback;

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted cell",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a cell",
        _ => "the row's quoting is malformed",
    };

    /// <summary>CsvHelper's own messages are not echoed (they may carry a record); only its line.</summary>
    private static async ValueTask<T> Guard<T>(Func<ValueTask<T>> read)
    {
        try
        {
            return await read();
        }
        catch (CsvFormatException ex)
        {
            throw new DropFileFormatException(ex.LineNumber > 0 ? $"line {ex.LineNumber}: a row is malformed or longer than {MaxRecordBytes} bytes" : "the file is not well-formed CSV", ex);
        }
    }

    private static async ValueTask Guard(Func<ValueTask> read) => await Guard(async () =>
    {
        await read();
        return true;
    });
}
