using RabbitMQ.Client;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// Asserts that the broker itself refuses an AMQP operation: it closes the channel with the reply code (403
/// ACCESS_REFUSED for a permission, 406 PRECONDITION_FAILED for a limit). For a publish the close can trail the call.
/// </summary>
public static class BrokerRefusal
{
    public const ushort AccessRefused = 403;
    public const ushort PreconditionFailed = 406;

    public static async Task ShouldBeRefusedAsync(BrokerClient client, Func<IChannel, Task> attempt, ushort replyCode = AccessRefused)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(attempt);
        var channel = await client.OpenChannelAsync();
        Exception? error = null;
        try
        {
            await attempt(channel);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        var reason = await Eventually.UntilAsync(() => channel.CloseReason, r => r is not null, "the broker to close the channel", TimeSpan.FromSeconds(10));
        reason.ShouldNotBeNull($"the broker allowed it (exception: {error?.GetType().Name ?? "none"})");
        reason.ReplyCode.ShouldBe(replyCode, reason.ReplyText);
        channel.Dispose();
    }
}
