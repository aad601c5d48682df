using System.Threading.Channels;

namespace Hub.Adapters.Core.Sources.DropFolder.Publishing;

/// <summary>
/// Prepares items on up to <c>parallelism</c> workers ahead of their consumer, and hands the results back strictly in
/// the order the items were added, however long each took. The caller bounds the look-ahead: it adds while
/// <see cref="IsFull"/> is false and takes with <see cref="NextAsync"/>. Workers take items oldest first, so the next
/// result is the one most likely done. With a parallelism of 1 nothing runs ahead: <see cref="NextAsync"/> prepares
/// the one item added, on the caller's thread. Disposing stops what has not started and waits for what has. Not
/// thread-safe: one caller adds and takes.
/// </summary>
public sealed class OrderedPreparation<TIn, TOut> : IAsyncDisposable
{
    private readonly Func<TIn, TOut> _prepare;
    private readonly int _ahead;
    private readonly Queue<TIn> _inline = [];
    private readonly Queue<Task<TOut>> _pending = [];
    private readonly Channel<(TIn Item, TaskCompletionSource<TOut> Done)>? _work;
    private readonly CancellationTokenSource? _stop;
    private readonly Task[] _workers = [];

    public OrderedPreparation(Func<TIn, TOut> prepare, int parallelism, int ahead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ahead, parallelism);
        _prepare = prepare;
        if (parallelism == 1)
        {
            _ahead = 1;
            return;
        }

        _ahead = ahead;
        _work = Channel.CreateUnbounded<(TIn, TaskCompletionSource<TOut>)>(new UnboundedChannelOptions { SingleWriter = true });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _workers = [.. Enumerable.Range(0, parallelism).Select(_ => Task.Run(WorkAsync, CancellationToken.None))];
    }

    /// <summary>Items added and not yet taken.</summary>
    public int Count => _work is null ? _inline.Count : _pending.Count;

    /// <summary>The look-ahead is full: take before adding.</summary>
    public bool IsFull => Count >= _ahead;

    /// <summary>Starts preparing <paramref name="item"/> (at once when a worker is free).</summary>
    public void Add(TIn item)
    {
        if (IsFull)
        {
            throw new InvalidOperationException("The look-ahead is full: take the oldest item first.");
        }

        if (_work is null)
        {
            _inline.Enqueue(item);
            return;
        }

        var done = new TaskCompletionSource<TOut>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Writer.TryWrite((item, done));
        _pending.Enqueue(done.Task);
    }

    /// <summary>The oldest item's result, once it is prepared; throws what its preparation threw, or cancelled.</summary>
    public ValueTask<TOut> NextAsync()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("Nothing was added.");
        }

        return _work is null ? ValueTask.FromResult(_prepare(_inline.Dequeue())) : new ValueTask<TOut>(_pending.Dequeue());
    }

    public async ValueTask DisposeAsync()
    {
        _inline.Clear();
        if (_work is null || _stop is null)
        {
            return;
        }

        _work.Writer.TryComplete();
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        foreach (var pending in _pending)
        {
            // Results no one will take: observed here so that a failure among them is not reported as unobserved.
            _ = pending.Exception;
        }

        _pending.Clear();
        _stop.Dispose();
    }

    private async Task WorkAsync()
    {
        await foreach (var (item, done) in _work!.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (_stop!.IsCancellationRequested)
            {
                done.TrySetCanceled(_stop.Token);
                continue;
            }

            try
            {
                done.TrySetResult(_prepare(item));
            }
#pragma warning disable CA1031 // Handed to the caller, in order, through the item's task.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                done.TrySetException(ex);
            }
        }
    }
}
