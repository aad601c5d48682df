using System.Collections.Concurrent;
using MassTransit;

namespace Hub.Router.Tests.Support;

/// <summary>
/// Reads the ingress _error and _skipped queues, so tests can see what MassTransit moved there and why. It reads each
/// message's transport headers only, never its body: a body the router could not read would fault here too.
/// </summary>
public sealed class ErrorQueueProbe : IFilter<ReceiveContext>
{
    private readonly ConcurrentQueue<ErrorQueueMessage> _messages = new();

    public IReadOnlyList<ErrorQueueMessage> Messages => [.. _messages];

    public void Probe(ProbeContext context) => context.CreateFilterScope("errorQueueProbe");

    /// <summary>The probe endpoints have no consumers, so every message reaches their dead-letter pipe, which ends here.</summary>
    public Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.TransportHeaders;
        _messages.Enqueue(new ErrorQueueMessage(
            context.InputAddress.AbsolutePath.TrimStart('/'),
            context.GetMessageId(),
            headers.Get<string>(MessageHeaders.Reason),
            headers.Get<string>(MessageHeaders.FaultExceptionType),
            headers.Get<string>(MessageHeaders.FaultMessage)));
        return Task.CompletedTask;
    }
}
