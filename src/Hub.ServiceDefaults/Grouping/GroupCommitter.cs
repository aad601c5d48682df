using System.Threading.Channels;

namespace Hub.ServiceDefaults.Grouping;

/// <summary>
/// Turns many concurrent requests into few round trips (group commit). One loop takes whatever requests arrived while
/// the previous group ran, up to <c>maxGroup</c>, and runs them as one group: no timer, so a lone request runs at once
/// and a burst forms large groups by itself. When a group fails with an error that <c>isolate</c> says belongs to one
/// request rather than to the store (a constraint, a bad value), each request runs alone, so a poison request fails
/// alone and the others succeed. Other failures (a lost connection) fail the whole group, for the callers to retry.
/// The router's ledger writer and consent look-ups, and the adapters' sinks and deduplicators, all group this way.
/// Disposing drains: what is queued still runs.
/// </summary>
public sealed class GroupCommitter<TRequest, TResult> : IAsyncDisposable, IDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> _run;
    private readonly Func<Exception, bool> _isolate;
    private readonly int _maxGroup;
    private readonly Task _loop;

    public GroupCommitter(
        Func<IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> run, int maxGroup, Func<Exception, bool> isolate)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(isolate);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroup, 1);
        _run = run;
        _isolate = isolate;
        _maxGroup = maxGroup;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Groups formed so far; with <see cref="Requests"/>, the mean group size.</summary>
    public long Groups { get; private set; }

    public long Requests { get; private set; }

    /// <summary>
    /// Queues <paramref name="request"/> for the next group and completes when that group has run. Cancelling stops
    /// the wait, not the group: a request already taken may still be committed.
    /// </summary>
    public Task<TResult> SubmitAsync(TRequest request, CancellationToken cancellationToken)
    {
        var pending = new Pending(request, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task LoopAsync()
    {
        var group = new List<Pending>(_maxGroup);
        var requests = new List<TRequest>(_maxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            requests.Clear();
            while (group.Count < _maxGroup && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
                requests.Add(pending.Request);
            }

            Groups++;
            Requests += group.Count;
            await RunAsync(group, requests);
        }
    }

    private async Task RunAsync(List<Pending> group, List<TRequest> requests)
    {
        try
        {
            var results = await _run(requests, CancellationToken.None);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Completion.TrySetResult(results[i]);
            }
        }
#pragma warning disable CA1031 // Handed to every caller of the group; the loop itself must go on.
        catch (Exception ex) when (group.Count > 1 && _isolate(ex))
        {
            foreach (var pending in group)
            {
                await RunAloneAsync(pending);
            }
        }
        catch (Exception ex)
        {
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(ex);
            }
        }
#pragma warning restore CA1031
    }

    private async Task RunAloneAsync(Pending pending)
    {
        try
        {
            var results = await _run([pending.Request], CancellationToken.None);
            pending.Completion.TrySetResult(results[0]);
        }
#pragma warning disable CA1031 // Handed to the caller; the loop itself must go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            pending.Completion.TrySetException(ex);
        }
    }

    private sealed record Pending(TRequest Request, TaskCompletionSource<TResult> Completion);
}
