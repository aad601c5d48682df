namespace Hub.ServiceDefaults.Messaging;

/// <summary>
/// AMQPS to the broker (<c>Broker:Tls</c>). Off by default, for the loopback development and test node; on for every
/// deployment where the broker is another machine. The server certificate is always verified: its name against
/// <see cref="ServerName"/>, its chain against <see cref="CaFile"/> when set, else against the system's trusted roots,
/// and its SHA-256 against <see cref="PinnedServerCertificateSha256"/> when pins are given. Optionally, per participant,
/// a client certificate (<see cref="ClientCertificateFile"/>), which can also be the broker identity
/// (<see cref="UseCertificateIdentity"/>, RabbitMQ's EXTERNAL mechanism) so that no broker password exists at all.
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

    /// <summary>
    /// Hex SHA-256 digests of the broker's leaf certificate (colons and case ignored); when any is given, the server must
    /// present one of them as well as pass the name and chain checks. Give the next certificate's digest before a renewal.
    /// </summary>
    public IList<string> PinnedServerCertificateSha256 { get; } = [];

    /// <summary>This participant's client certificate (PEM), presented to the broker; with <see cref="ClientKeyFile"/>.</summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>The unencrypted PEM private key of <see cref="ClientCertificateFile"/> (mount it readable by the process only).</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>
    /// Log in with RabbitMQ's EXTERNAL mechanism: the broker user is the client certificate's common name, which must then
    /// equal <c>Broker:Username</c>, and <c>Broker:Password</c> is not used (the broker user may have none).
    /// </summary>
    public bool UseCertificateIdentity { get; set; }

    internal bool HasClientCertificate => !string.IsNullOrWhiteSpace(ClientCertificateFile) || !string.IsNullOrWhiteSpace(ClientKeyFile);
}
