using System.Collections.Concurrent;
using Hub.Contracts.Delivery.V1;
using MassTransit;

namespace Hub.Adapters.Core.Tests.Support;

/// <summary>
/// One entry per finished consume of an <see cref="EventDelivered"/>, even for the same message id: the harness's
/// Consumed list keeps one entry per message id and so cannot count redeliveries.
/// </summary>
public sealed class DeliveryConsumes : IConsumeObserver
{
    private readonly ConcurrentQueue<(EventDelivered Delivery, string Queue, Exception? Fault)> _consumes = new();

    public IReadOnlyList<(EventDelivered Delivery, string Queue, Exception? Fault)> All => [.. _consumes];

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Record(context, null);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Record(context, exception);

    private Task Record<T>(ConsumeContext<T> context, Exception? fault)
        where T : class
    {
        if (context.Message is EventDelivered delivery)
        {
            _consumes.Enqueue((delivery, context.ReceiveContext.InputAddress.AbsolutePath.TrimStart('/'), fault));
        }

        return Task.CompletedTask;
    }
}
