namespace Hub.Adapters.Core.Sources.Records;

/// <summary>
/// Agency-supplied: turns one record in the agency's own shape into a contract event, or names what is wrong with
/// it. Problems name fields, never values (they end up in reports, logs and HTTP bodies).
/// </summary>
/// <remarks>
/// Use <see cref="RecordContext.EventId"/> as the envelope's event id, or leave it <see cref="Guid.Empty"/> and the
/// SDK stamps it; supply an id of your own only if it is stable across re-runs (e.g. derived from the agency's
/// record key), because the hub deduplicates by (source, event id). The drop folder maps several rows at once on the
/// thread pool (<c>DropFolderOptions.PrepareParallelism</c>), so a mapper is called from several threads at once and
/// must keep no state between records; 1 maps one row at a time, in file order.
/// </remarks>
public interface IRecordMapper<in TRecord>
{
    RecordMapping Map(TRecord record, RecordContext context);
}
