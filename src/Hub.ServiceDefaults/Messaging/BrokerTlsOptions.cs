namespace Hub.ServiceDefaults.Messaging;

/// <summary>
/// AMQPS to the broker (<c>Broker:Tls</c>). Off by default, for the loopback development and test node; on for every
/// deployment where the broker is another machine. The server certificate is always verified: its name against
/// <see cref="ServerName"/>, its chain against <see cref="CaFile"/> when set, else against the system's trusted roots.
/// </summary>
public sealed class BrokerTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>The name the server certificate must carry (a DNS name or IP address in its SAN); default <c>Broker:Host</c>.</summary>
    public string? ServerName { get; set; }

    /// <summary>
    /// A PEM bundle of the private CA certificates to trust for the broker. When set, the server's chain must end in
    /// one of these and only these: the system's roots are not consulted.
    /// </summary>
    public string? CaFile { get; set; }
}
