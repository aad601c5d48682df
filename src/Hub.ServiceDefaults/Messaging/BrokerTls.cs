using System.Net.Security;
using System.Security.Authentication;
using MassTransit;
using RabbitMQ.Client;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>Applies <see cref="BrokerTlsOptions"/> to MassTransit's host and to plain RabbitMQ.Client factories alike.</summary>
public static class BrokerTls
{
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    private const SslPolicyErrors AllErrors = SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors;

    public static string ServerNameOf(BrokerOptions broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        // One name for every node of a cluster (MassTransit applies one to them all): the first node's by default.
        return string.IsNullOrWhiteSpace(broker.Tls.ServerName) ? BrokerNodes.Of(broker)[0].Host : broker.Tls.ServerName;
    }

    /// <summary>MassTransit accepts chain errors unless told otherwise; every policy error is enforced here.</summary>
    public static void Configure(IRabbitMqHostConfigurator host, BrokerOptions broker)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(broker);
        if (!broker.Tls.Enabled)
        {
            return;
        }

        var validator = new BrokerCertificateValidator(broker.Tls.CaFile);
        host.UseSsl(s =>
        {
            s.Protocol = Protocols;
            s.ServerName = ServerNameOf(broker);
            s.EnforcePolicyErrors(AllErrors);
            s.CertificateValidationCallback = validator.Validate;
        });
    }

    public static void Configure(SslOption ssl, BrokerOptions broker)
    {
        ArgumentNullException.ThrowIfNull(ssl);
        ArgumentNullException.ThrowIfNull(broker);
        if (!broker.Tls.Enabled)
        {
            return;
        }

        var validator = new BrokerCertificateValidator(broker.Tls.CaFile);
        ssl.Enabled = true;
        ssl.Version = Protocols;
        ssl.ServerName = ServerNameOf(broker);
        ssl.AcceptablePolicyErrors = SslPolicyErrors.None;
        ssl.CertificateValidationCallback = validator.Validate;
    }
}
