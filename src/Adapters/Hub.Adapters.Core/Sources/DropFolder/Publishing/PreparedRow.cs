using Hub.Adapters.Core.Sources.Records;

namespace Hub.Adapters.Core.Sources.DropFolder.Publishing;

/// <summary>
/// A row mapped ahead of its publish: its <see cref="RecordSubmitter.Prepare{TRecord}"/> answer, or null when the row
/// could not be read (its read problem is then its outcome); and when it was read, which its trace span starts at.
/// </summary>
public sealed record PreparedRow(DropRow Row, RecordContext Context, RecordMapping? Mapping, DateTimeOffset ReadAt);
