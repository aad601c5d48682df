using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;

namespace Hub.Adapters.Core.Tests.Sources.Support;

/// <summary>The drop-folder mapper of the tests; <see cref="OnRow"/> lets a test act at a given row (e.g. cancel).</summary>
internal sealed class ReleaseRowMapper : IRecordMapper<DropFolderRecord>
{
    public Action<int>? OnRow { get; set; }

    public RecordMapping Map(DropFolderRecord record, RecordContext context)
    {
        OnRow?.Invoke(record.Row);
        return ReleaseFields.Map(record.Fields, context);
    }
}
