using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.LoadHarness.Processes;
using Hub.LoadHarness.Servers;
using RabbitMQ.Client;

namespace Hub.LoadHarness.Chaos;

/// <summary>The hub processes' faults: one of three routers killed then a rolling restart of all three; a recipient worker killed mid-batch.</summary>
public static class ProcessFaults
{
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ConsumerPatience = TimeSpan.FromMinutes(2);

    /// <summary>The worker the recipient scenario kills: DSA-001 F1 shares every Lewisham release with police.</summary>
    public static readonly AgencyCode Recipient = AgencyCode.Police;

    /// <summary>
    /// kill -9 of one router (chosen by <paramref name="random"/>), started again three seconds later; once the ingress
    /// queue has as many consumers as before the fault, a rolling restart: each router in turn is stopped with SIGTERM
    /// and started again, and the next waits until the consumers are all back.
    /// </summary>
    public static async Task<string> KillRouterThenRollAsync(RunningHub stack, ServerEnvironment servers, Random random, Action injected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(random);
        var routers = stack.Routers;
        var consumers = await ConsumersAsync(servers, BrokerFaults.IngressQueue, cancellationToken);
        var victim = routers[random.Next(routers.Count)];
        injected();
        victim.Kill();
        await Task.Delay(Down, cancellationToken);
        victim.StartAgain();
        await UntilConsumersAsync(servers, BrokerFaults.IngressQueue, consumers, victim, cancellationToken);
        foreach (var router in routers)
        {
            await router.StopAsync(cancellationToken);
            router.StartAgain();
            await UntilConsumersAsync(servers, BrokerFaults.IngressQueue, consumers, router, cancellationToken);
        }

        return $"{victim.Name} killed and started again, then all {routers.Count} restarted in turn";
    }

    /// <summary>kill -9 of the recipient's worker while deliveries arrive, started again three seconds later.</summary>
    public static async Task<string> KillRecipientAsync(RunningHub stack, ServerEnvironment servers, Action injected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var worker = stack.Worker(Recipient);
        injected();
        worker.Kill();
        await Task.Delay(Down, cancellationToken);
        worker.StartAgain();
        await UntilConsumersAsync(servers, HubTopology.DeliveryQueue(Recipient), 1, worker, cancellationToken);
        return $"{worker.Name} worker killed and started again";
    }

    private static async Task<uint> ConsumersAsync(ServerEnvironment servers, string queue, CancellationToken cancellationToken)
    {
        await using var connection = await servers.ConnectAsync("hub-admin", "agencyhub-chaos-consumers", recover: false, cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).ConsumerCount;
    }

    private static async Task UntilConsumersAsync(ServerEnvironment servers, string queue, uint count, HubProcess started, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetUtcNow() + ConsumerPatience;
        while (await ConsumersAsync(servers, queue, cancellationToken) < count)
        {
            if (started.HasExited)
            {
                throw new InvalidOperationException($"The {started.Name} process exited after its restart; see {started.LogPath}.");
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"{queue} did not get back its {count} consumers within {ConsumerPatience.TotalMinutes:0} minutes of restarting {started.Name}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }
}
