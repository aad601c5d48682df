using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Hub.LoadHarness.Baseline;

/// <summary>A consumer on its own channel with manual acks: <c>onMessage</c> gets the body and when it arrived, then the message is acked.</summary>
public static class AckingConsumer
{
    public const ushort Prefetch = 256;

    public static async Task<IChannel> StartAsync(IConnection connection, string queue, Action<ReadOnlyMemory<byte>, long> onMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(onMessage);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.BasicQosAsync(0, Prefetch, global: false, cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var received = Stopwatch.GetTimestamp();
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            onMessage(delivery.Body, received);
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
        return channel;
    }
}
