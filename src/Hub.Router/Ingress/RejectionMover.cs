using MassTransit;
using MassTransit.Middleware.Rescue;
using MassTransit.Transports;

namespace Hub.Router.Ingress;

/// <summary>
/// Moves a refused ingress message to its endpoint's <c>_error</c> queue through the endpoint's own error transport,
/// with the fault headers MassTransit's error pipe would write (the same <see cref="RescueExceptionReceiveContext"/>,
/// consumer and message type included), while the consumer completes normally. A refusal is expected input, already
/// ledgered and logged at Warning by <see cref="RejectionRecorder"/>: let through to MassTransit, the exception would
/// also be logged at Error with its stack trace (R-FAULT) for every forged, oversized or malformed event.
/// </summary>
public static class RejectionMover
{
    public static async Task MoveAsync<TMessage, TConsumer>(ConsumeContext<TMessage> context, IngressRejectedException rejected)
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rejected);
        var receive = context.ReceiveContext;
        if (!receive.TryGetPayload(out IErrorTransport? transport))
        {
            throw new TransportException(receive.InputAddress, "No error transport on this receive endpoint.");
        }

        receive.GetOrAddPayload<ConsumerFaultContext>(() => new Fault(TypeCache<TMessage>.ShortName, TypeCache<TConsumer>.ShortName));
        await transport.Send(new RescueExceptionReceiveContext(receive, rejected));
    }

    private sealed record Fault(string MessageType, string ConsumerType) : ConsumerFaultContext;
}
