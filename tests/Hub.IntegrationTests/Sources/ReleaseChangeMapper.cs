using Hub.Adapters.Core.Sources.ChangeTable;
using Hub.Adapters.Core.Sources.Records;

namespace Hub.IntegrationTests.Sources;

/// <summary>Probation's release rows in a change table (<c>record</c> jsonb, kind <c>release</c>), mapped as <see cref="ReleaseCsvMapper"/> maps file rows.</summary>
public sealed class ReleaseChangeMapper : IRecordMapper<ChangeTableRecord>
{
    /// <summary>Called with each change id before it is mapped; lets a test stop the source mid-batch.</summary>
    public Action<long>? OnChange { get; set; }

    public RecordMapping Map(ChangeTableRecord record, RecordContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        OnChange?.Invoke(record.ChangeId);
        if (record.Kind != "release")
        {
            return RecordMapping.Rejected("record_kind: not a kind this adapter reads");
        }

        var fields = record.Fields.GetProperty("record");
        return ReleaseCsvMapper.Map(name => fields.TryGetProperty(name, out var v) ? v.GetString() : null, context);
    }
}
