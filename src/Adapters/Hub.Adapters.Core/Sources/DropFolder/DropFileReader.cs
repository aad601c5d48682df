using System.Text;
using Hub.Adapters.Core.Sources.DropFolder.Reading;

namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>
/// Which format a file name means, and a whole-file read for callers that hold the bytes anyway (samples, tests, the
/// simulator's checks). The source itself streams (<see cref="DropRowReaders"/>): the same readers, row by row.
/// </summary>
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

    /// <summary>Every row of <paramref name="content"/>; a whole-file problem comes back as <see cref="DropFile.FileProblem"/>.</summary>
    public static DropFile Read(DropFileFormat format, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(content);
        }
        catch (DecoderFallbackException)
        {
            return new DropFile(format, [], [], "the file is not UTF-8 text");
        }

        var reader = DropRowReaders.Open(format, new MemoryStream(content, writable: false));
        try
        {
            // A MemoryStream completes every read synchronously, so nothing blocks here.
            var rows = reader.ReadAsync(CancellationToken.None).ToBlockingEnumerable().ToList();
            return new DropFile(format, reader.Header, rows, null);
        }
        catch (DropFileFormatException ex)
        {
            return new DropFile(format, [], [], ex.Message);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
