using Hub.Contracts.Envelope;
using MassTransit;

namespace Hub.Router.Ingress;

/// <summary>
/// Receives one event type from any agency's ingress queue; all the work is in <see cref="IngressProcessor"/>. A
/// refusal goes to the error queue from here (<see cref="RejectionMover"/>), not as a fault through MassTransit.
/// </summary>
public sealed class IngressConsumer<TEvent>(IngressProcessor processor) : IConsumer<TEvent>
    where TEvent : class, IShareableEvent
{
    public async Task Consume(ConsumeContext<TEvent> context)
    {
        try
        {
            await processor.ProcessAsync(context);
        }
        catch (IngressRejectedException rejected)
        {
            await RejectionMover.MoveAsync<TEvent, IngressConsumer<TEvent>>(context, rejected);
        }
    }
}
