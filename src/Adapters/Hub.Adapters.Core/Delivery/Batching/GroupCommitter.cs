using System.Threading.Channels;

namespace Hub.Adapters.Core.Delivery.Batching;

/// <summary>
/// Group commit without a timer: one loop commits, and each group is whatever arrived while the previous commit ran
/// (up to <c>maxGroup</c>). A caller's <see cref="CommitAsync"/> completes only once the group holding its item has
/// committed, so a consumer that awaits it acknowledges its message after the durable step, never before
/// (docs/adr/0010). An idle committer commits a lone item at once: latency is one commit, not a batching window.
/// A failed group is retried item by item, so one bad item fails alone rather than taking its group with it.
/// </summary>
public sealed class GroupCommitter<T> : IDisposable
{
    private readonly Channel<(T Item, TaskCompletionSource Done)> _queue = Channel.CreateUnbounded<(T, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> _commit;
    private readonly int _maxGroup;
    private readonly Task _loop;

    public GroupCommitter(Func<IReadOnlyList<T>, CancellationToken, Task> commit, int maxGroup = 1024)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroup, 1);
        _commit = commit;
        _maxGroup = maxGroup;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues <paramref name="item"/>; completes when its group has committed, or faults with the commit's exception.</summary>
    public Task CommitAsync(T item, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite((item, done)), this);

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Commits what is queued, then stops.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.GetAwaiter().GetResult();
    }

    private async Task RunAsync()
    {
        var group = new List<(T Item, TaskCompletionSource Done)>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < _maxGroup && _queue.Reader.TryRead(out var entry))
            {
                group.Add(entry);
            }

            if (!await TryCommitAsync(group) && group.Count > 1)
            {
                foreach (var single in group)
                {
                    await TryCommitAsync([single]);
                }
            }
        }
    }

    /// <summary>Commits <paramref name="group"/>; on success completes its callers, on failure faults them only when alone.</summary>
    private async Task<bool> TryCommitAsync(List<(T Item, TaskCompletionSource Done)> group)
    {
        try
        {
            await _commit([.. group.Select(g => g.Item)], CancellationToken.None);
        }
#pragma warning disable CA1031 // Handed to every caller of the group; the loop itself must go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (group.Count == 1)
            {
                group[0].Done.TrySetException(ex);
            }

            return false;
        }

        foreach (var (_, done) in group)
        {
            done.TrySetResult();
        }

        return true;
    }
}
