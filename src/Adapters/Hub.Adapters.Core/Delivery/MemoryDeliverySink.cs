using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Core.Delivery;

/// <summary>Keeps what was delivered in memory: the embedded run's agency "case systems", and tests. A recall erases.</summary>
public sealed class MemoryDeliverySink : IDeliverySink
{
    private readonly Lock _gate = new();
    private readonly List<EventDelivered> _received = [];
    private readonly List<Guid> _recalled = [];

    /// <summary>Deliveries held now: received and not recalled.</summary>
    public IReadOnlyCollection<EventDelivered> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Ids of deliveries erased on a recall, in the order they were erased.</summary>
    public IReadOnlyCollection<Guid> Recalled
    {
        get
        {
            lock (_gate)
            {
                return [.. _recalled];
            }
        }
    }

    public Task HandleAsync(EventDelivered delivery, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _received.Add(delivery);
        }

        return Task.CompletedTask;
    }

    public Task<RecallOutcome> RecallAsync(RecallRequested recall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recall);
        var erased = new List<Guid>();
        var notHeld = new List<Guid>();
        lock (_gate)
        {
            foreach (var delivery in recall.Deliveries)
            {
                if (_received.RemoveAll(d => d.DeliveryId == delivery.DeliveryId) > 0)
                {
                    erased.Add(delivery.DeliveryId);
                    _recalled.Add(delivery.DeliveryId);
                }
                else
                {
                    notHeld.Add(delivery.DeliveryId);
                }
            }
        }

        return Task.FromResult(new RecallOutcome(erased, notHeld));
    }
}
