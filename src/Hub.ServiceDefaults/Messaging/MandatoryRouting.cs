using MassTransit;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>
/// Sends that must reach a queue. On RabbitMQ the publish is <c>mandatory</c>: an exchange that routes it nowhere (its
/// binding gone, its queue deleted) returns it (<c>basic.return</c>), and with publisher confirms on the send then fails
/// (RabbitMQ.Client's <c>PublishReturnException</c>, which MassTransit 8.5.8 wraps as <see cref="MessageReturnedException"/>)
/// instead of completing for a message the broker dropped. The caller's message is therefore not acknowledged as
/// handled, and is retried. Other transports have no returns; this does nothing there.
/// </summary>
public static class MandatoryRouting
{
    public static void MustRoute(this SendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TryGetPayload(out RabbitMqSendContext? rabbit))
        {
            rabbit.Mandatory = true;
        }
    }
}
