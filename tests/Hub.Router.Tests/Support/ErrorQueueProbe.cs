using System.Collections.Concurrent;
using MassTransit;

namespace Hub.Router.Tests.Support;

/// <summary>Reads the ingress _error and _skipped queues, so tests can see what MassTransit moved there and why.</summary>
public sealed class ErrorQueueProbe
{
    private readonly ConcurrentQueue<ErrorQueueMessage> _messages = new();

    public IReadOnlyList<ErrorQueueMessage> Messages => [.. _messages];

    public Task Record<T>(ConsumeContext<T> context)
        where T : class
    {
        var headers = context.ReceiveContext.TransportHeaders;
        _messages.Enqueue(new ErrorQueueMessage(
            context.ReceiveContext.InputAddress.AbsolutePath.TrimStart('/'),
            typeof(T).Name,
            context.MessageId,
            headers.Get<string>(MessageHeaders.Reason),
            headers.Get<string>(MessageHeaders.FaultExceptionType),
            headers.Get<string>(MessageHeaders.FaultMessage)));
        return Task.CompletedTask;
    }
}
