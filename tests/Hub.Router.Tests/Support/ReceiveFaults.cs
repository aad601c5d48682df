using System.Collections.Concurrent;
using Hub.Testing;
using MassTransit;

namespace Hub.Router.Tests.Support;

/// <summary>The message ids MassTransit was told had faulted (what it logs at Error with the stack trace).</summary>
public sealed class ReceiveFaults : IReceiveObserver
{
    private readonly ConcurrentQueue<(Guid? MessageId, string Queue)> _ended = new();
    private readonly ConcurrentQueue<(Guid? MessageId, string Where, Exception Exception)> _faulted = new();

    public IReadOnlyList<Guid?> Faulted => [.. _faulted.Select(f => f.MessageId)];

    /// <summary>Each fault with where it was reported and its exception, for a failing assertion to show.</summary>
    public string Describe() => string.Join(Environment.NewLine, _faulted.Select(f => $"{f.Where} {f.MessageId}: {f.Exception}"));

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context)
    {
        _ended.Enqueue((context.GetMessageId(), context.InputAddress.AbsolutePath.TrimStart('/')));
        return Task.CompletedTask;
    }

    /// <summary>Waits until MassTransit has finished receiving the message from the queue, either way, so a fault cannot come after the assertion.</summary>
    public Task WaitForReceiveEndAsync(Guid messageId, string queue) =>
        Eventually.UntilAsync(() => Task.FromResult(_ended.Contains((messageId, queue))), ended => ended, $"the receive of message {messageId} from {queue} to end");

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class
    {
        _faulted.Enqueue((context.MessageId, "consume fault on " + context.ReceiveContext.InputAddress, exception));
        return Task.CompletedTask;
    }

    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        _ended.Enqueue((context.GetMessageId(), context.InputAddress.AbsolutePath.TrimStart('/')));
        _faulted.Enqueue((context.GetMessageId(), "receive fault on " + context.InputAddress, exception));
        return Task.CompletedTask;
    }
}
