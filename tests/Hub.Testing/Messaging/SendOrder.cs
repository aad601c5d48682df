using System.Collections.Concurrent;
using Hub.Contracts.Envelope;
using MassTransit;

namespace Hub.Testing.Messaging;

/// <summary>The event ids of source publishes in the order their sends started, repeats included: an ISendObserver for the adapters' tests.</summary>
public sealed class SendOrder : ISendObserver
{
    private readonly ConcurrentQueue<Guid> _started = new();

    public IReadOnlyList<Guid> Started => [.. _started];

    public Task PreSend<T>(SendContext<T> context)
        where T : class
    {
        if (context.Message is IShareableEvent shared)
        {
            _started.Enqueue(shared.Envelope.EventId);
        }

        return Task.CompletedTask;
    }

    public Task PostSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
