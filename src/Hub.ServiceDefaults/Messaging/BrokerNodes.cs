namespace Hub.ServiceDefaults.Messaging;

/// <summary>
/// The nodes a participant tries, in order: <c>Broker:Hosts</c> when it names any (a cluster), else <c>Broker:Host</c>
/// and <c>Broker:Port</c>. A node without a port in <c>Broker:Hosts</c> uses <c>Broker:Port</c>.
/// </summary>
public static class BrokerNodes
{
    public static IReadOnlyList<BrokerNode> Of(BrokerOptions broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        return TryRead(broker, out var nodes, out var error) ? nodes : throw new InvalidOperationException(error);
    }

    /// <param name="error">A one-line reason naming the bad entry's position.</param>
    public static bool TryRead(BrokerOptions broker, out IReadOnlyList<BrokerNode> nodes, out string? error)
    {
        ArgumentNullException.ThrowIfNull(broker);
        error = null;
        if (broker.Hosts.Count == 0)
        {
            nodes = [new BrokerNode(broker.Host, broker.Port)];
            return true;
        }

        var list = new List<BrokerNode>(broker.Hosts.Count);
        for (var i = 0; i < broker.Hosts.Count; i++)
        {
            if (!BrokerNode.TryParse(broker.Hosts[i], broker.Port, out var node, out var reason))
            {
                nodes = [];
                error = $"Broker:Hosts:{i} {reason}.";
                return false;
            }

            list.Add(node);
        }

        nodes = list;
        return true;
    }

    /// <summary>For messages: the nodes as <c>host:port</c>, comma separated.</summary>
    public static string Describe(BrokerOptions broker) =>
        TryRead(broker, out var nodes, out _) ? string.Join(',', nodes) : "(invalid Broker:Hosts)";
}
