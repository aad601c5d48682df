using Hub.Contracts.Agencies;

namespace Hub.Contracts.Topology;

/// <summary>
/// Where participants send. On RabbitMQ they publish to the exchanges their broker user may write; on the
/// in-memory transport of the embedded run, where there are no broker users, they send to the queues directly.
/// </summary>
public sealed record HubAddresses(bool UseBrokerExchanges)
{
    public static HubAddresses Broker { get; } = new(true);

    public static HubAddresses InMemory { get; } = new(false);

    public Uri Submit(AgencyCode agency) => UseBrokerExchanges
        ? new Uri($"exchange:{HubTopology.SubmitExchange(agency)}")
        : new Uri($"queue:{HubTopology.IngressQueue(agency)}");

    /// <summary>Where the router sends an event back to its source's ingress queue (<see cref="HubTopology.ReingressExchange"/>).</summary>
    public Uri Reingress(AgencyCode agency) => UseBrokerExchanges
        ? new Uri($"exchange:{HubTopology.ReingressExchange(agency)}")
        : new Uri($"queue:{HubTopology.IngressQueue(agency)}");

    public Uri Deliver(AgencyCode agency) => UseBrokerExchanges
        ? new Uri($"exchange:{HubTopology.DeliverExchange(agency)}")
        : new Uri($"queue:{HubTopology.DeliveryQueue(agency)}");
}
