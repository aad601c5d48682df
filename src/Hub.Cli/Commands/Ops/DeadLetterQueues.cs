using System.Text.RegularExpressions;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// The hub's dead-letter queues: MassTransit's <c>_error</c> (a consumer failed) and <c>_skipped</c> (no consumer
/// accepted the message type) beside every agency's ingress queue (read by the router) and delivery queue (read by
/// the agency's adapter). Nothing else is a dead-letter queue, so <c>--queue</c> cannot point these commands anywhere else.
/// </summary>
public static partial class DeadLetterQueues
{
    /// <summary>Every dead-letter queue of <paramref name="agencies"/>: ingress first, then delivery, errors before skipped.</summary>
    public static IReadOnlyList<string> For(IEnumerable<AgencyCode> agencies) =>
    [
        .. agencies.SelectMany(a => new[]
        {
            HubTopology.ErrorQueue(HubTopology.IngressQueue(a)),
            HubTopology.SkippedQueue(HubTopology.IngressQueue(a)),
            HubTopology.ErrorQueue(HubTopology.DeliveryQueue(a)),
            HubTopology.SkippedQueue(HubTopology.DeliveryQueue(a)),
        }),
    ];

    /// <summary>Whether <paramref name="queue"/> is a hub dead-letter queue, and whose.</summary>
    public static bool TryParse(string? queue, out DeadLetterKind kind, out AgencyCode agency)
    {
        kind = default;
        agency = default;
        if (queue is null)
        {
            return false;
        }

        var match = Pattern().Match(queue);
        if (!match.Success || !AgencyCode.TryParse(match.Groups["agency"].Value, out agency))
        {
            return false;
        }

        kind = match.Groups["side"].Value == "ingress" ? DeadLetterKind.Ingress : DeadLetterKind.Delivery;
        return true;
    }

    /// <summary>The live queue a dead-letter queue belongs to (<c>hub.ingress.police_error</c> → <c>hub.ingress.police</c>).</summary>
    public static string LiveQueue(string deadLetterQueue)
    {
        ArgumentNullException.ThrowIfNull(deadLetterQueue);
        return deadLetterQueue[..deadLetterQueue.LastIndexOf('_')];
    }

    [GeneratedRegex("^hub\\.(?<side>ingress|delivery)\\.(?<agency>[a-z][a-z0-9-]{1,31})_(error|skipped)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
