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

    [Required]
    public string VirtualHost { get; set; } = HubTopology.VirtualHost;

    [Required]
    public string Username { get; set; } = string.Empty;

    [Required(ErrorMessage = "Broker:Password is required (set AGENCYHUB_Broker__Password or appsettings).")]
    public string? Password { get; set; }
}
