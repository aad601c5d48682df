using System.Collections.Concurrent;
using Hub.Contracts.Delivery.V1;
using MassTransit;

namespace Hub.Adapters.Core.Tests.Support;

/// <summary>Deliveries MassTransit moved to a delivery queue's error queue.</summary>
public sealed class ErrorQueueProbe
{
    private readonly ConcurrentQueue<(EventDelivered Delivery, string Queue)> _messages = new();

    public IReadOnlyList<(EventDelivered Delivery, string Queue)> Messages => [.. _messages];

    public Task Record(ConsumeContext<EventDelivered> context)
    {
        _messages.Enqueue((context.Message, context.ReceiveContext.InputAddress.AbsolutePath.TrimStart('/')));
        return Task.CompletedTask;
    }
}
