using System.Collections.Concurrent;
using MassTransit;

namespace Hub.Router.Tests.Support;

/// <summary>The message ids MassTransit was told had faulted (what it logs at Error with the stack trace).</summary>
public sealed class ReceiveFaults : IReceiveObserver
{
    private readonly ConcurrentQueue<Guid?> _faulted = new();

    public IReadOnlyList<Guid?> Faulted => [.. _faulted];

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class
    {
        _faulted.Enqueue(context.MessageId);
        return Task.CompletedTask;
    }

    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        _faulted.Enqueue(context.GetMessageId());
        return Task.CompletedTask;
    }
}
