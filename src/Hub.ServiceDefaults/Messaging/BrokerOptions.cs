using System.ComponentModel.DataAnnotations;
using Hub.Contracts.Topology;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>RabbitMQ connection of one participant (router or adapter), each with its own broker user (deploy/rabbitmq).</summary>
public sealed class BrokerOptions
{
    public const string SectionName = "Broker";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    /// <summary>
    /// The nodes of a RabbitMQ cluster, each <c>host</c> or <c>host:port</c> (without a port, <see cref="Port"/>). When any
    /// is named, <see cref="Host"/> is ignored: the participant connects to the first node that answers and, when its node
    /// is lost, reconnects to another (docs/reliability.md). Bind as <c>Broker:Hosts:0</c>, <c>Broker:Hosts:1</c>, … (in
    /// variables <c>Broker__Hosts__0</c>, …).
    /// </summary>
    public IList<string> Hosts { get; } = [];

    [Required]
    public string VirtualHost { get; set; } = HubTopology.VirtualHost;

    [Required]
    public string Username { get; set; } = string.Empty;

    /// <summary>Required unless <c>Broker:Tls:UseCertificateIdentity</c> (checked by <see cref="BrokerOptionsCheck"/>).</summary>
    public string? Password { get; set; }

    /// <summary>
    /// AMQPS with server-certificate verification, optionally a client certificate as the identity (<c>Broker:Tls:*</c>);
    /// plain AMQP when not enabled.
    /// </summary>
    public BrokerTlsOptions Tls { get; set; } = new();

    /// <summary>
    /// When a receive endpoint stops (the host stopping, or its channel lost with the broker), how long the messages in
    /// hand get to finish before their consume tokens are cancelled. Unfinished messages were not acknowledged, so the
    /// broker delivers them again; their effects are idempotent (docs/adr/0003).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ConsumerStopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest an endpoint waits for its consumers before it stops anyway and, after a lost connection, reconnects.
    /// Without it an acknowledgement stranded on a dead channel holds the endpoint down forever (docs/adr/0021).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
