using System.Collections.Concurrent;
using Hub.Contracts.Delivery.V1;
using MassTransit;

namespace Hub.Router.Tests.Support;

/// <summary>
/// Every <see cref="EventDelivered"/> sent on the bus and every one consumed at a delivery endpoint, one entry per
/// call. The harness's own Sent/Consumed lists keep one entry per message id, and the router uses the delivery id
/// as the message id, so they would hide a second send of the same delivery.
/// </summary>
public sealed class DeliveryTraffic : ISendObserver, IConsumeObserver
{
    private readonly ConcurrentQueue<EventDelivered> _sent = new();
    private readonly ConcurrentQueue<EventDelivered> _consumed = new();

    public IReadOnlyList<EventDelivered> Sent => [.. _sent];

    /// <summary>Deliveries whose consumer finished, successfully or not, once per consume.</summary>
    public IReadOnlyList<EventDelivered> Consumed => [.. _consumed];

    public Task PreSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostSend<T>(SendContext<T> context)
        where T : class
    {
        if (context.Message is EventDelivered delivery)
        {
            _sent.Enqueue(delivery);
        }

        return Task.CompletedTask;
    }

    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => RecordConsumed(context);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => RecordConsumed(context);

    private Task RecordConsumed<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is EventDelivered delivery)
        {
            _consumed.Enqueue(delivery);
        }

        return Task.CompletedTask;
    }
}
