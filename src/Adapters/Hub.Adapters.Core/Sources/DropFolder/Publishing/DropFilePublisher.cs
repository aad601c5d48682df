using System.Runtime.ExceptionServices;
using Hub.Adapters.Core.Sources.DropFolder.Reading;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.DropFolder.Publishing;

/// <summary>
/// Streams a file's rows after its checkpoint to the hub with up to <see cref="DropFolderOptions.MaxInFlight"/>
/// publishes awaiting the broker's confirm at once (docs/adr/0009). Rows are read and mapped in order; each takes a
/// slot of the window until it settles (confirmed, or rejected). The checkpoint is the contiguous-settled watermark
/// (<see cref="SettledRowWatermark"/>), saved every <see cref="DropFolderOptions.CheckpointEvery"/> rows or
/// <see cref="DropFolderOptions.CheckpointInterval"/>, and after every publish in flight has ended however the run
/// ends. A publish not confirmed stops the reading, lets the others end, saves, and rethrows.
/// </summary>
public sealed class DropFilePublisher(RecordSubmitter submitter, IRecordMapper<DropFolderRecord> mapper, IOptions<DropFolderOptions> options, TimeProvider time)
{
    public async Task<DropFileCheckpoint> PublishAsync(string name, string path, DropFileFormat format, DropFileCheckpoint start, CheckpointStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(store);
        var max = options.Value.MaxInFlight;
        using var window = new SemaphoreSlim(max, max);
        var gate = new Lock();
        var watermark = new SettledRowWatermark(start);
        Exception? failure = null;
        var (saved, savedAt) = (start.LastRow, time.GetTimestamp());
        try
        {
            await using var reader = DropRowReaders.OpenFile(format, path);
            await foreach (var row in reader.ReadAsync(cancellationToken))
            {
                if (row.Row <= start.LastRow)
                {
                    continue;
                }

                await window.WaitAsync(cancellationToken);
                if (Failed())
                {
                    window.Release();
                    break;
                }

                try
                {
                    await SaveIfDueAsync();
                }
                catch
                {
                    // The slot is this row's until SettleAsync takes it over; the drain below must get it back.
                    window.Release();
                    throw;
                }

                _ = SettleAsync(row);
            }
        }
        finally
        {
            // Every slot back means no publish is in flight: what the watermark says now is final.
            for (var i = 0; i < max; i++)
            {
                await window.WaitAsync(CancellationToken.None);
            }

            var last = Snapshot();
            if (last.LastRow != saved)
            {
                await store.SaveAsync(name, last);
            }
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return Snapshot();

        bool Failed()
        {
            lock (gate)
            {
                return failure is not null;
            }
        }

        DropFileCheckpoint Snapshot()
        {
            lock (gate)
            {
                return watermark.Checkpoint;
            }
        }

        async Task SettleAsync(DropRow row)
        {
            try
            {
                var outcome = await SubmitRowAsync(name, start.ContentSha256, row, cancellationToken);
                lock (gate)
                {
                    watermark.Settle(row.Row, outcome);
                }
            }
#pragma warning disable CA1031 // Recorded and rethrown by PublishAsync once every publish in flight has ended.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                lock (gate)
                {
                    failure ??= ex;
                }
            }
            finally
            {
                window.Release();
            }
        }

        async Task SaveIfDueAsync()
        {
            DropFileCheckpoint? due = null;
            lock (gate)
            {
                var advanced = watermark.LastRow - saved;
                if (advanced >= options.Value.CheckpointEvery || (advanced > 0 && time.GetElapsedTime(savedAt) >= options.Value.CheckpointInterval))
                {
                    due = watermark.Checkpoint;
                }
            }

            if (due is not null)
            {
                await store.SaveAsync(name, due);
                (saved, savedAt) = (due.LastRow, time.GetTimestamp());
            }
        }
    }

    /// <summary>
    /// Each row is its own trace: the event it becomes is followed from this read to every sink. Mapping runs before
    /// the first await, so rows are mapped in file order on the reading loop; only the confirm is awaited concurrently.
    /// </summary>
    private async Task<RecordOutcome> SubmitRowAsync(string name, string hash, DropRow row, CancellationToken cancellationToken)
    {
        var agency = submitter.Agency;
        using var activity = AdapterTracing.StartSourceRead(AdapterTracing.SourceKinds.DropFolder, agency);
        try
        {
            var context = new RecordContext(agency, SourceEventIds.ForFileRow(agency, hash, row.Row), $"{name} row {row.Row}");
            var outcome = row.Fields is { } fields
                ? await submitter.SubmitAsync(mapper, new DropFolderRecord(name, row.Row, fields), context, cancellationToken)
                : RecordOutcome.Rejected([row.ReadProblem!]);
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
