using System.Diagnostics;
using Hub.LoadHarness.Pacing;
using Hub.LoadHarness.Servers;
using RabbitMQ.Client;

namespace Hub.LoadHarness.Baseline.Relay;

/// <summary>
/// The fan-out relay baseline: what the broker and a trivial relay do with the hub's shape of work on this machine, in
/// the same run. Persistent messages go with confirms into one ingress quorum queue; <see cref="RelayNode"/> republishes
/// each to five delivery quorum queues with confirms and acks it after the five; consumers ack the deliveries. A
/// warm-up, then a burst at full speed (events/s and deliveries/s), then each paced rate (publish to last delivery).
/// </summary>
public static class RelayBaseline
{
    public const int Recipients = 5;
    private const int FeedWindow = 256;

    public static async Task<RelayResult> RunAsync(ServerEnvironment servers, HarnessSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(settings);
        // Three connections, as three processes would have: the source, the relay and the recipients.
        await using var feed = await servers.Broker("hub-admin", "agencyhub-load-relay-source").CreateConnectionAsync(cancellationToken);
        await using var relay = await servers.Broker("hub-admin", "agencyhub-load-relay").CreateConnectionAsync(cancellationToken);
        await using var recipients = await servers.Broker("hub-admin", "agencyhub-load-relay-recipients").CreateConnectionAsync(cancellationToken);
        var connections = (feed, relay, recipients);
        await RunAsync(connections, settings.WarmupEvents, null, settings.MessageBytes, cancellationToken);
        var (seconds, deliveries, _) = await RunAsync(connections, settings.Events, null, settings.MessageBytes, cancellationToken);
        var paced = new List<PacedRate>();
        foreach (var rate in settings.PacedRates)
        {
            paced.Add((await RunAsync(connections, settings.PacedCount(rate), rate, settings.MessageBytes, cancellationToken)).Paced!);
        }

        return new RelayResult(settings.Events, Recipients, deliveries, seconds, settings.MessageBytes, paced);
    }

    /// <summary>One phase on fresh queues: at full speed when <paramref name="rate"/> is null, else paced at it.</summary>
    private static async Task<(double Seconds, long Deliveries, PacedRate? Paced)> RunAsync(
        (IConnection Feed, IConnection Relay, IConnection Recipients) connections, int events, double? rate, int bytes, CancellationToken cancellationToken)
    {
        await using var queues = await QuorumQueues.DeclareAsync(connections.Feed, "loadharness.relay", 1 + Recipients, cancellationToken);
        var (ingress, deliveries) = (queues.Names[0], queues.Names.Skip(1).ToList());
        await using var recipients = await RelayRecipients.StartAsync(connections.Recipients, deliveries, events, cancellationToken);
        await using var relay = await RelayNode.StartAsync(connections.Relay, ingress, deliveries, cancellationToken);
        await using var source = await ConfirmingPublisher.OpenAsync(connections.Feed, FeedWindow, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        double? offered = null;
        if (rate is { } paced)
        {
            offered = await OpenLoopPacer.OfferAsync(events, paced, FeedWindow, i => source.PublishAsync(ingress, TimedMessage.Create(bytes, i), cancellationToken), cancellationToken);
        }
        else
        {
            var confirms = new List<Task>(events);
            for (var i = 0; i < events; i++)
            {
                confirms.Add(await source.SendAsync(ingress, TimedMessage.Create(bytes, i), cancellationToken));
            }

            await Task.WhenAll(confirms);
        }

        var finished = await Task.WhenAny(recipients.Completed, relay.Failed).WaitAsync(HarnessSettings.PhaseTimeout(events), cancellationToken);
        await finished;
        var seconds = Stopwatch.GetElapsedTime(started, recipients.FinishedAt).TotalSeconds;
        return (seconds, recipients.Deliveries, rate is { } r ? new PacedRate(r, offered!.Value, recipients.Latency) : null);
    }
}
