using System.Globalization;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>One RabbitMQ node a participant may connect to: a host name or IPv4 address, and its AMQP (or AMQPS) port.</summary>
public readonly record struct BrokerNode(string Host, int Port)
{
    /// <summary>Reads <c>host</c> or <c>host:port</c>; a node without a port gets <paramref name="defaultPort"/>.</summary>
    /// <param name="error">Why <paramref name="value"/> is not a node; names the entry's position, never its value.</param>
    public static bool TryParse(string? value, int defaultPort, out BrokerNode node, out string? error)
    {
        node = default;
        error = null;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "is empty";
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            node = new BrokerNode(text, defaultPort);
            return true;
        }

        // MassTransit's cluster node list splits on ':' too, so an IPv6 literal cannot be named here.
        if (colon != text.LastIndexOf(':') || colon == 0)
        {
            error = "must be host or host:port (IPv6 literals are not supported: use a host name)";
            return false;
        }

        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = "has a port that is not a number from 1 to 65535";
            return false;
        }

        node = new BrokerNode(text[..colon], port);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
