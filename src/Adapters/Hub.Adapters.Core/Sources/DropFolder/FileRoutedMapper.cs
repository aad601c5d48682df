using System.IO.Enumeration;
using System.Text.Json;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>
/// One drop folder, several record kinds: each file-name pattern (e.g. <c>release-list*.csv</c>) binds its rows to
/// a record type and hands them to that kind's mapper. The first matching pattern wins. CSV rows bind snake_case
/// headers, JSON rows camelCase names. A file no pattern matches is quarantined row by row with that reason.
/// </summary>
public abstract class FileRoutedMapper : IRecordMapper<DropFolderRecord>
{
    private readonly List<(string Pattern, Func<DropFolderRecord, RecordMapping> Map)> _routes = [];

    /// <summary>The patterns in order, for configuration checks and documentation.</summary>
    public IReadOnlyList<string> Patterns => [.. _routes.Select(r => r.Pattern)];

    public RecordMapping Map(DropFolderRecord record, RecordContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        var name = Path.GetFileName(record.File);
        foreach (var (pattern, map) in _routes)
        {
            if (FileSystemName.MatchesSimpleExpression(pattern, name, ignoreCase: true))
            {
                return map(record);
            }
        }

        return RecordMapping.Rejected($"file: its name matches none of this adapter's record kinds ({string.Join(", ", Patterns)})");
    }

    /// <summary>Files matching <paramref name="pattern"/> (<c>*</c> and <c>?</c>) hold <typeparamref name="TRecord"/> rows.</summary>
    protected void Route<TRecord, TEvent>(string pattern, Func<TRecord, MappingResult<TEvent>> map)
        where TRecord : class
        where TEvent : class, IShareableEvent
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentNullException.ThrowIfNull(map);
        _routes.Add((pattern, record => RecordBinder.Map(record.Fields, NamingOf(record.File), map)));
    }

    /// <summary>Files matching <paramref name="pattern"/> hold JSON the mapper reads itself (e.g. FHIR resources, NDJSON bulk export).</summary>
    protected void RouteJson<TEvent>(string pattern, Func<JsonElement, MappingResult<TEvent>> map)
        where TEvent : class, IShareableEvent
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentNullException.ThrowIfNull(map);
        _routes.Add((pattern, record => map(record.Fields).ToRecordMapping()));
    }

    private static RecordNaming NamingOf(string file) =>
        Path.GetExtension(file).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? RecordNaming.SnakeCase : RecordNaming.CamelCase;
}
