using System.Collections.Concurrent;
using Hub.Adapters.Core.Delivery;
using Hub.Contracts.Delivery.V1;

namespace Hub.Cli.Embedded;

/// <summary>The embedded agencies' "case systems": keep what each received so the run can show it.</summary>
internal sealed class RecordingSink : IDeliverySink
{
    private readonly ConcurrentQueue<EventDelivered> _received = new();

    public IReadOnlyCollection<EventDelivered> Received => _received;

    public Task HandleAsync(EventDelivered delivery, CancellationToken cancellationToken)
    {
        _received.Enqueue(delivery);
        return Task.CompletedTask;
    }
}
