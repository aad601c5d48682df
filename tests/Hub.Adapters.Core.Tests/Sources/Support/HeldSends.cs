using System.Collections.Concurrent;
using Hub.Contracts.Envelope;
using MassTransit;

namespace Hub.Adapters.Core.Tests.Sources.Support;

/// <summary>
/// Holds chosen source publishes unconfirmed: a send of a held event does not complete until released, as a publish
/// awaiting the broker's confirm would. Counts the sends open at once and those completed, so a test can wait
/// (without a clock) for a state rather than for time to pass.
/// </summary>
internal sealed class HeldSends(Func<Guid, bool> hold) : ISendObserver
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _held = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<HeldSends, bool> Done, TaskCompletionSource Signal)> _waiters = [];
    private readonly ConcurrentQueue<Guid> _confirmed = new();
    private Func<Guid, bool> _hold = hold;

    /// <summary>Every completed send's event id, repeats included, in completion order.</summary>
    public IReadOnlyList<Guid> Confirmed => [.. _confirmed];

    public int Open { get; private set; }

    public int MostOpen { get; private set; }

    public int Completed { get; private set; }

    /// <summary>Completes once <paramref name="done"/> holds of the counts.</summary>
    public Task Until(Func<HeldSends, bool> done)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((done, signal));
            Check();
        }

        return signal.Task;
    }

    /// <summary>Releases every held send, now and from now on.</summary>
    public void ReleaseAll()
    {
        lock (_gate)
        {
            _hold = _ => false;
            foreach (var gate in _held.Values)
            {
                gate.TrySetResult();
            }
        }
    }

    public async Task PreSend<T>(SendContext<T> context)
        where T : class
    {
        if (context.Message is not IShareableEvent shared)
        {
            return;
        }

        Count(+1, 0);
        try
        {
            Task? held = null;
            lock (_gate)
            {
                // Under the lock, so a release cannot slip between deciding to hold and the gate existing.
                if (_hold(shared.Envelope.EventId))
                {
                    held = _held.GetOrAdd(shared.Envelope.EventId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                }
            }

            if (held is not null)
            {
                await held.WaitAsync(context.CancellationToken);
            }
        }
        catch
        {
            Count(-1, 0);
            throw;
        }
    }

    public Task PostSend<T>(SendContext<T> context)
        where T : class
    {
        if (context.Message is IShareableEvent shared)
        {
            _confirmed.Enqueue(shared.Envelope.EventId);
            Count(-1, 1);
        }

        return Task.CompletedTask;
    }

    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    private void Count(int open, int completed)
    {
        lock (_gate)
        {
            Open += open;
            MostOpen = Math.Max(MostOpen, Open);
            Completed += completed;
            Check();
        }
    }

    private void Check()
    {
        foreach (var waiter in _waiters.Where(w => w.Done(this)).ToList())
        {
            _waiters.Remove(waiter);
            waiter.Signal.TrySetResult();
        }
    }
}
