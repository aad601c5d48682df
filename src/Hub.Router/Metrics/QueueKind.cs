using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;

namespace Hub.Router.Metrics;

/// <summary>
/// The hub queues of one agency the router watches, by the <c>agencyhub.queue_kind</c> label value. The <c>_error</c>
/// and <c>_skipped</c> queues are MassTransit's dead-letter queues: faulted and unroutable messages.
/// </summary>
public sealed record QueueKind(string Label, Func<AgencyCode, string> QueueOf, bool DeadLetter)
{
    public static IReadOnlyList<QueueKind> All { get; } =
    [
        new("ingress", HubTopology.IngressQueue, false),
        new("ingress_error", a => HubTopology.IngressQueue(a) + "_error", true),
        new("ingress_skipped", a => HubTopology.IngressQueue(a) + "_skipped", true),
        new("delivery", HubTopology.DeliveryQueue, false),
        new("delivery_error", a => HubTopology.DeliveryQueue(a) + "_error", true),
        new("delivery_skipped", a => HubTopology.DeliveryQueue(a) + "_skipped", true),
    ];
}
