namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>The formats a drop folder accepts, by file extension.</summary>
public enum DropFileFormat
{
    /// <summary><c>.csv</c>: RFC 4180, a header row, UTF-8.</summary>
    Csv,

    /// <summary><c>.json</c>: one array of objects.</summary>
    JsonArray,

    /// <summary><c>.ndjson</c> / <c>.jsonl</c>: one object per line.</summary>
    Ndjson,
}
