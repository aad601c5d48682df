using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Core.Sources.ChangeTable;

/// <summary>
/// One poll: rows after the watermark, in order, each published (confirmed) or quarantined, and the watermark
/// saved after each. Killed between a confirm and its watermark, the row is re-read and re-published with the same
/// event id (<c>source|agency|change|table|change id</c>), which the router deduplicates (docs/adr/0009, 0011).
/// </summary>
public sealed class ChangeTableProcessor(ChangeTableStore store, RecordSubmitter submitter, IRecordMapper<ChangeTableRecord> mapper, TimeProvider time, ILogger<ChangeTableProcessor> logger)
{
    private bool _ready;

    public string Agency => submitter.Agency.Value;

    /// <summary>Settles every row available now, batch by batch; returns how many rows it settled.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        if (!_ready)
        {
            await store.EnsureStateTablesAsync(cancellationToken);
            _ready = true;
        }

        var watermark = await store.ReadWatermarkAsync(cancellationToken);
        var settled = 0;
        while (true)
        {
            var rows = await store.ReadBatchAsync(watermark, cancellationToken);
            if (rows.Count == 0)
            {
                return settled;
            }

            foreach (var row in rows)
            {
                var agency = submitter.Agency;
                var context = new RecordContext(agency, SourceEventIds.ForChange(agency, store.Table, row.ChangeId), $"{store.Table} change {row.ChangeId}");
                var outcome = await SubmitRowAsync(row, context, cancellationToken);
                if (!outcome.Published)
                {
                    await store.QuarantineAsync(row.ChangeId, outcome.Problems, time.GetUtcNow(), CancellationToken.None);
                }

                // Not cancellable: the row is settled, so recording that is cheaper than publishing it again.
                watermark = row.Position;
                await store.SaveWatermarkAsync(watermark, time.GetUtcNow(), CancellationToken.None);
                settled++;
            }

            SourcesLog.ChangesPublished(logger, submitter.Agency.Value, store.Table, watermark.ChangeId);
        }
    }

    /// <summary>Each change row is its own trace: the event it becomes is followed from this read to every sink.</summary>
    private async Task<RecordOutcome> SubmitRowAsync(ChangeRow row, RecordContext context, CancellationToken cancellationToken)
    {
        using var activity = AdapterTracing.StartSourceRead(AdapterTracing.SourceKinds.ChangeTable, submitter.Agency);
        try
        {
            var outcome = await submitter.SubmitAsync(mapper, new ChangeTableRecord(store.Table, row.ChangeId, row.Kind, row.Fields), context, cancellationToken);
            AdapterTracing.SourceRead(activity, outcome);
            return outcome;
        }
        catch (Exception ex)
        {
            AdapterTracing.Failed(activity, ex);
            throw;
        }
    }
}
