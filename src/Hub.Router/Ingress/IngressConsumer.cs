using Hub.Contracts.Envelope;
using MassTransit;

namespace Hub.Router.Ingress;

/// <summary>Receives one event type from any agency's ingress queue; all the work is in <see cref="IngressProcessor"/>.</summary>
public sealed class IngressConsumer<TEvent>(IngressProcessor processor) : IConsumer<TEvent>
    where TEvent : class, IShareableEvent
{
    public Task Consume(ConsumeContext<TEvent> context) => processor.ProcessAsync(context);
}
