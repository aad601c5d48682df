using System.Security.Authentication;
using System.Text;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;
using Hub.ServiceDefaults.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Hub.IntegrationTests.Broker;

/// <summary>
/// Client certificates on the broker's mutual-TLS listener: no certificate, or one from another CA, gets no connection;
/// a certificate logs in (EXTERNAL, no password) as its common name only, with that user's permissions and no more;
/// a pin of the server certificate narrows the chain check.
/// </summary>
[Collection(ServersGroup.Name)]
public class BrokerClientCertificateTests(ServersFixture servers)
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{}");
    private readonly TlsBroker _tls = TlsBroker.FromEnvironment();

    [Fact]
    public async Task When_a_client_presents_no_certificate_should_be_refused()
    {
        var options = Options("adapter-police");
        options.Tls.ClientCertificateFile = null;
        options.Tls.ClientKeyFile = null;

        // The control: the same settings with the certificate connect.
        await using (var control = await BrokerConnectionFactory.Create(Options("adapter-police"), "agencyhub-tests-mtls").CreateConnectionAsync())
        {
            control.IsOpen.ShouldBeTrue();
        }

        await Should.ThrowAsync<BrokerUnreachableException>(() => BrokerConnectionFactory.Create(options, "agencyhub-tests-mtls").CreateConnectionAsync());
    }

    [Fact]
    public async Task When_a_client_certificate_is_issued_by_another_ca_should_be_refused_even_with_the_right_password()
    {
        var (certificate, key) = TestCa.WriteUnrelatedClient("adapter-police");
        try
        {
            var options = Options("adapter-police");
            options.Tls.ClientCertificateFile = certificate;
            options.Tls.ClientKeyFile = key;

            await Should.ThrowAsync<BrokerUnreachableException>(() => BrokerConnectionFactory.Create(options, "agencyhub-tests-mtls").CreateConnectionAsync());
        }
        finally
        {
            File.Delete(certificate);
            File.Delete(key);
        }
    }

    [Fact]
    public async Task When_an_agency_logs_in_with_its_certificate_and_no_password_should_act_as_that_agency_only()
    {
        var options = Options("adapter-police", certificateIdentity: true);
        options.Password.ShouldBeNull();
        await using var police = await BrokerClient.ConnectAsync(BrokerConnectionFactory.Create(options, "agencyhub-tests-external"));

        // Its own lanes work, so the refusals below are permissions, not a failed login.
        await using (var channel = await police.OpenChannelAsync())
        {
            await Publish(channel, HubTopology.SubmitExchange(AgencyCode.Police));
            await channel.BasicGetAsync(HubTopology.DeliveryQueue(AgencyCode.Police), autoAck: true);
            channel.IsOpen.ShouldBeTrue();
        }

        await BrokerRefusal.ShouldBeRefusedAsync(police, channel => Publish(channel, HubTopology.SubmitExchange(AgencyCode.Probation)));
        await BrokerRefusal.ShouldBeRefusedAsync(police, channel => channel.BasicGetAsync(HubTopology.DeliveryQueue(AgencyCode.Probation), autoAck: true));
        await using var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await admin.DrainAsync(HubTopology.IngressQueue(AgencyCode.Police));
    }

    [Fact]
    public async Task When_the_server_certificate_matches_the_pin_should_connect_and_when_it_does_not_should_refuse_it()
    {
        var pinned = Options("hub-operator");
        pinned.Tls.PinnedServerCertificateSha256.Add(_tls.ServerCertificatePin());
        await using (var connection = await BrokerConnectionFactory.Create(pinned, "agencyhub-tests-pin").CreateConnectionAsync())
        {
            connection.IsOpen.ShouldBeTrue();
        }

        var wrong = Options("hub-operator");
        wrong.Tls.PinnedServerCertificateSha256.Add(new string('A', 64));
        var refused = await Should.ThrowAsync<BrokerUnreachableException>(() => BrokerConnectionFactory.Create(wrong, "agencyhub-tests-pin").CreateConnectionAsync());
        BrokerTlsTests.CausesOf(refused).ShouldContain(e => e is AuthenticationException);
    }

    private static async Task Publish(IChannel channel, string exchange) =>
        await channel.BasicPublishAsync(exchange, string.Empty, mandatory: false, new BasicProperties { ContentType = "application/json" }, Body);

    private BrokerOptions Options(string user, bool certificateIdentity = false) => new()
    {
        Host = servers.Broker.Host,
        Port = _tls.Port,
        VirtualHost = servers.Broker.VirtualHost,
        Username = user,
        Password = certificateIdentity ? null : servers.Broker.PasswordOf(user),
        Tls = new BrokerTlsOptions
        {
            Enabled = true,
            CaFile = _tls.CaFile,
            ClientCertificateFile = _tls.CertificateFileOf(user),
            ClientKeyFile = _tls.KeyFileOf(user),
            UseCertificateIdentity = certificateIdentity,
        },
    };
}
