using Hub.Router.Configuration;
using Hub.ServiceDefaults.Grouping;
using Hub.Router.Metrics;
using Microsoft.Extensions.Options;

namespace Hub.Router.Ledger;

/// <summary>
/// The router's one ledger writer (issue 11, docs/adr/0003): every consumer hands its event's batch here, and whatever
/// batches and sent marks arrived while the previous group committed are committed together, in one transaction.
/// A consumer's batch is durable when its task completes; so are its sent marks, which join the group after.
/// </summary>
public sealed class LedgerGroupWriter : IAsyncDisposable
{
    private static readonly RecordResult Nothing = new(Conflict: false, AlreadyRecorded: false, Pending: []);
    private readonly GroupCommitter<LedgerWrite, RecordResult> _committer;

    public LedgerGroupWriter(ILedgerStore store, IOptions<RouterOptions> options, RouterMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        _committer = new GroupCommitter<LedgerWrite, RecordResult>(
            async (writes, cancellationToken) =>
            {
                var batches = writes.Where(w => w.Batch is not null).Select(w => w.Batch!).ToList();
                var sent = writes.SelectMany(w => w.Sent).ToList();
                var results = await store.RecordGroupAsync(batches, sent, cancellationToken);
                metrics.LedgerGroupCommitted(batches.Count, sent.Count);
                var next = 0;
                return [.. writes.Select(w => w.Batch is null ? Nothing : results[next++])];
            },
            options.Value.LedgerGroupLimit,
            store.IsBatchFailure);
    }

    /// <summary>Commits the batch with the next group; idempotent per (source, event id).</summary>
    public Task<RecordResult> RecordAsync(DecisionBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return _committer.SubmitAsync(new LedgerWrite(batch, []), cancellationToken);
    }

    /// <summary>
    /// Records confirmed sends with the next group. Awaited before the ingress message is acknowledged, so an outbox row
    /// without its mark always belongs to an unacknowledged message, which the broker redelivers (and which then sends
    /// it again under the same delivery id): "unsent" in the outbox means exactly that.
    /// </summary>
    public Task MarkSentAsync(IReadOnlyList<SentMark> marks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marks);
        return marks.Count == 0 ? Task.CompletedTask : _committer.SubmitAsync(new LedgerWrite(null, marks), cancellationToken);
    }

    public ValueTask DisposeAsync() => _committer.DisposeAsync();
}
