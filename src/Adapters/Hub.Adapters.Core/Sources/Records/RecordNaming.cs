namespace Hub.Adapters.Core.Sources.Records;

/// <summary>How a source names a record's fields.</summary>
public enum RecordNaming
{
    /// <summary><c>release_date</c>: CSV headers and most database exports.</summary>
    SnakeCase,

    /// <summary><c>releaseDate</c>: JSON exports and API bodies.</summary>
    CamelCase,
}
