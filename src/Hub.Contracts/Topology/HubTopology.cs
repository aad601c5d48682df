using Hub.Contracts.Agencies;

namespace Hub.Contracts.Topology;

/// <summary>
/// Broker names of the trust boundary (docs/adr/0002). Adapter A publishes to exchange <c>hub.submit.A</c>, bound
/// to queue <c>hub.ingress.A</c> that only the router reads; the router publishes to <c>hub.deliver.A</c>, bound to
/// <c>hub.delivery.A</c> that only adapter A reads. Exchanges and queues have distinct names so that broker
/// permissions, which match names, can grant "write the exchange" without "touch the queue".
/// </summary>
public static class HubTopology
{
    public const string VirtualHost = "agencyhub";
    private const string IngressPrefix = "hub.ingress.";

    public static string SubmitExchange(AgencyCode agency) => $"hub.submit.{agency.Value}";

    public static string IngressQueue(AgencyCode agency) => IngressPrefix + agency.Value;

    public static string DeliverExchange(AgencyCode agency) => $"hub.deliver.{agency.Value}";

    public static string DeliveryQueue(AgencyCode agency) => $"hub.delivery.{agency.Value}";

    /// <summary>
    /// The router's own way back into an agency's ingress queue (a held event released, an operator's ingress replay):
    /// bound to <c>hub.ingress.A</c> like <c>hub.submit.A</c>, so the router never writes the agency's submit exchange.
    /// </summary>
    public static string ReingressExchange(AgencyCode agency) => $"hub.reingress.{agency.Value}";

    /// <summary>Where operators publish replay requests (<c>hub ops dlq replay</c>); only the router reads its queue.</summary>
    public const string OperateExchange = "hub.operate";

    /// <summary>The router's queue of operator requests, bound to <see cref="OperateExchange"/>.</summary>
    public const string OperationsQueue = "hub.operations";

    /// <summary>MassTransit's queue for messages that failed on <paramref name="queue"/>.</summary>
    public static string ErrorQueue(string queue) => queue + "_error";

    /// <summary>MassTransit's queue for messages no consumer on <paramref name="queue"/> accepted.</summary>
    public static string SkippedQueue(string queue) => queue + "_skipped";

    /// <summary>Name for the per-process bus endpoint of a participant (an agency code or <c>router</c>).</summary>
    public static string BusEndpoint(string participant, Guid instance) => $"hub.bus.{participant}.{instance:N}";

    /// <summary>The agency whose ingress queue a receive address names, or false for any other address.</summary>
    public static bool TryGetIngressAgency(Uri inputAddress, out AgencyCode agency)
    {
        ArgumentNullException.ThrowIfNull(inputAddress);
        var name = inputAddress.AbsolutePath.TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        agency = default;
        return name.StartsWith(IngressPrefix, StringComparison.Ordinal) && AgencyCode.TryParse(name[IngressPrefix.Length..], out agency);
    }
}
