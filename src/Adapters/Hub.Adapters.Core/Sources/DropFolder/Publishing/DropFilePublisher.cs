using System.Runtime.ExceptionServices;
using Hub.Adapters.Core.Sources.DropFolder.Reading;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.DropFolder.Publishing;

/// <summary>
/// Streams a file's rows after its checkpoint to the hub with up to <see cref="DropFolderOptions.MaxInFlight"/>
/// publishes awaiting the broker's confirm at once (docs/adr/0009). Rows are mapped ahead of their publish, up to
/// <see cref="DropFolderOptions.PrepareParallelism"/> at once and at most <see cref="DropFolderOptions.PrepareAhead"/>
/// rows ahead (<see cref="OrderedPreparation{TIn, TOut}"/>), and published strictly in file order: a row's publish
/// starts only after every earlier row's has. Each takes a slot of the window until it settles (confirmed, or
/// rejected). The checkpoint is the contiguous-settled watermark (<see cref="SettledRowWatermark"/>), saved every
/// <see cref="DropFolderOptions.CheckpointEvery"/> rows or <see cref="DropFolderOptions.CheckpointInterval"/>, and
/// after every publish in flight has ended however the run ends. A row mapped but not yet published is not settled,
/// so a stop or a crash never counts it. A publish not confirmed stops the reading, lets the others end, saves, and
/// rethrows.
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
            await using var ahead = new OrderedPreparation<DropRow, PreparedRow>(row => Prepare(name, start.ContentSha256, row), options.Value.PrepareParallelism, options.Value.PrepareAhead, cancellationToken);
            await using var reader = DropRowReaders.OpenFile(format, path);
            await foreach (var row in reader.ReadAsync(cancellationToken))
            {
                if (row.Row <= start.LastRow)
                {
                    continue;
                }

                ahead.Add(row);
                if (ahead.IsFull && !await PublishNextAsync(ahead))
                {
                    break;
                }
            }

            while (ahead.Count > 0 && await PublishNextAsync(ahead))
            {
                // The rows still mapped ahead, in order.
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

        // The oldest row mapped ahead takes a slot of the window and starts its publish; false once a publish failed.
        async Task<bool> PublishNextAsync(OrderedPreparation<DropRow, PreparedRow> ahead)
        {
            await window.WaitAsync(cancellationToken);
            PreparedRow prepared;
            try
            {
                if (Failed())
                {
                    window.Release();
                    return false;
                }

                await SaveIfDueAsync();
                prepared = await ahead.NextAsync();
            }
            catch
            {
                // The slot is this row's until SettleAsync takes it over; the drain must get it back.
                window.Release();
                throw;
            }

            _ = SettleAsync(prepared);
            return true;
        }

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

        async Task SettleAsync(PreparedRow prepared)
        {
            try
            {
                var outcome = await SubmitRowAsync(prepared, cancellationToken);
                lock (gate)
                {
                    watermark.Settle(prepared.Row.Row, outcome);
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

    /// <summary>Maps one row (on a worker, or on the reading loop when nothing runs ahead): no publish, no log, no span.</summary>
    private PreparedRow Prepare(string name, string hash, DropRow row)
    {
        var readAt = time.GetUtcNow();
        var agency = submitter.Agency;
        var context = new RecordContext(agency, SourceEventIds.ForFileRow(agency, hash, row.Row), $"{name} row {row.Row}");
        var mapping = row.Fields is { } fields ? submitter.Prepare(mapper, new DropFolderRecord(name, row.Row, fields), context) : null;
        return new PreparedRow(row, context, mapping, readAt);
    }

    /// <summary>
    /// Each row is its own trace: the event it becomes is followed from this read to every sink. The span starts when
    /// the row's publish does, backdated to when its mapping started, so MassTransit's send span is its child.
    /// </summary>
    private async Task<RecordOutcome> SubmitRowAsync(PreparedRow prepared, CancellationToken cancellationToken)
    {
        using var activity = AdapterTracing.StartSourceRead(AdapterTracing.SourceKinds.DropFolder, submitter.Agency, prepared.ReadAt);
        try
        {
            var outcome = prepared.Mapping is { } mapping
                ? await submitter.SubmitPreparedAsync(mapping, prepared.Context, cancellationToken)
                : RecordOutcome.Rejected([prepared.Row.ReadProblem!]);
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
