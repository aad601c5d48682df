using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
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

    /// <summary>
    /// MassTransit accepts chain errors unless told otherwise; every policy error is enforced here. With a client
    /// certificate it is presented whatever issuers the server names; with <see cref="BrokerTlsOptions.UseCertificateIdentity"/>
    /// MassTransit logs in with EXTERNAL and sends no user name or password.
    /// </summary>
    public static void Configure(IRabbitMqHostConfigurator host, BrokerOptions broker)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(broker);
        if (!broker.Tls.Enabled)
        {
            return;
        }

        var validator = new BrokerCertificateValidator(broker.Tls);
        var certificate = BrokerClientCertificate.Load(broker.Tls);
        host.UseSsl(s =>
        {
            s.Protocol = Protocols;
            s.ServerName = ServerNameOf(broker);
            s.EnforcePolicyErrors(AllErrors);
            s.CertificateValidationCallback = validator.Validate;
            if (certificate is not null)
            {
                s.Certificate = certificate;
                s.CertificateSelectionCallback = (_, _, _, _, _) => certificate;
                s.UseCertificateAsAuthenticationIdentity = broker.Tls.UseCertificateIdentity;
            }
        });
    }

    /// <summary>
    /// The same for a RabbitMQ.Client factory (<c>hub ops</c>, the router's operations and metrics connections): TLS on
    /// <see cref="ConnectionFactory.Ssl"/>, and under certificate identity the EXTERNAL mechanism in place of the password.
    /// </summary>
    public static void Configure(ConnectionFactory factory, BrokerOptions broker)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(broker);
        if (!broker.Tls.Enabled)
        {
            return;
        }

        var validator = new BrokerCertificateValidator(broker.Tls);
        var certificate = BrokerClientCertificate.Load(broker.Tls);
        var ssl = factory.Ssl;
        ssl.Enabled = true;
        ssl.Version = Protocols;
        ssl.ServerName = ServerNameOf(broker);
        ssl.AcceptablePolicyErrors = SslPolicyErrors.None;
        ssl.CertificateValidationCallback = validator.Validate;
        if (certificate is not null)
        {
            ssl.Certs = new X509CertificateCollection { certificate };
            ssl.CertificateSelectionCallback = (_, _, _, _, _) => certificate;
        }

        if (broker.Tls.UseCertificateIdentity)
        {
            factory.AuthMechanisms = [new ExternalMechanismFactory()];
            factory.UserName = string.Empty;
            factory.Password = string.Empty;
        }
    }
}
