using System.Collections.Concurrent;
using Hub.Adapters.Core.Delivery;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Core.Tests.Support;

/// <summary>A sink that records every call and fails the first <see cref="FailuresToCome"/> of them.</summary>
public sealed class ScriptedSink : IDeliverySink
{
    private readonly ConcurrentQueue<RecallRequested> _recalls = new();
    private readonly ConcurrentQueue<EventDelivered> _calls = new();
    private readonly ConcurrentQueue<EventDelivered> _handled = new();
    private int _failuresToCome;

    public int FailuresToCome
    {
        get => Volatile.Read(ref _failuresToCome);
        set => Volatile.Write(ref _failuresToCome, value);
    }

    /// <summary>Every delivery handed to the sink, including those it failed on.</summary>
    public IReadOnlyList<EventDelivered> Calls => [.. _calls];

    /// <summary>Deliveries the sink accepted.</summary>
    public IReadOnlyList<EventDelivered> Handled => [.. _handled];

    public Task HandleAsync(EventDelivered delivery, CancellationToken cancellationToken)
    {
        _calls.Enqueue(delivery);
        if (Interlocked.Decrement(ref _failuresToCome) >= 0)
        {
            throw new IOException("The case system is unavailable.");
        }

        Interlocked.Exchange(ref _failuresToCome, 0);
        _handled.Enqueue(delivery);
        return Task.CompletedTask;
    }

    /// <summary>Recalls the sink was asked to honour; this test sink holds nothing to erase, so reports every delivery as not held.</summary>
    public IReadOnlyList<RecallRequested> Recalls => [.. _recalls];

    public Task<RecallOutcome> RecallAsync(RecallRequested recall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recall);
        _recalls.Enqueue(recall);
        return Task.FromResult(new RecallOutcome([], [.. recall.Deliveries.Select(d => d.DeliveryId)]));
    }
}
