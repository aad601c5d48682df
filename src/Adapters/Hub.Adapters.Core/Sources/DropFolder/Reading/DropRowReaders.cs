namespace Hub.Adapters.Core.Sources.DropFolder.Reading;

/// <summary>The reader for each drop-file format.</summary>
public static class DropRowReaders
{
    /// <summary>A reader over <paramref name="stream"/>, which it disposes.</summary>
    public static IDropRowReader Open(DropFileFormat format, Stream stream) => format switch
    {
        DropFileFormat.Csv => new CsvRowReader(stream),
        DropFileFormat.JsonArray => new JsonArrayRowReader(stream),
        _ => new NdjsonRowReader(stream),
    };

    /// <summary>Opens <paramref name="path"/> for one sequential pass.</summary>
    public static IDropRowReader OpenFile(DropFileFormat format, string path) =>
        Open(format, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan));
}
