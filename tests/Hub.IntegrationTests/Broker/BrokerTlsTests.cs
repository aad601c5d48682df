using System.Security.Authentication;
using Hub.Contracts.Agencies;
using Hub.IntegrationTests.Infrastructure;
using Hub.ServiceDefaults.Messaging;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Hub.IntegrationTests.Broker;

/// <summary>
/// AMQPS on the hub's hops: router and adapters over the test broker's mutual-TLS listener, verifying its certificate
/// against the throwaway test CA and nothing else, each presenting its own client certificate and logging in either
/// with its password or as its certificate (EXTERNAL), per participant.
/// </summary>
[Collection(ServersGroup.Name)]
public class BrokerTlsTests(ServersFixture servers)
{
    private readonly TlsBroker _tls = TlsBroker.FromEnvironment();

    [Fact]
    public async Task When_router_and_adapters_connect_over_mutual_tls_some_by_certificate_alone_with_signatures_on_both_hops_and_the_ledger_over_tls_should_deliver_the_release_notice_and_ledger_it()
    {
        await using (var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin"))
        {
            await admin.PurgeHubQueuesAsync();
        }

        // The ledger hop too: Postgres over TLS, its certificate verified against the same test CA.
        var ledger = TestCa.VerifyFull(await servers.CreateDatabaseAsync(), _tls.CaFile);

        // Signatures on both hops (docs/adr/0023): probation signs its events, the router checks them and signs each
        // delivery, police and JCP check the router's signature before their sinks.
        var keys = Directory.CreateTempSubdirectory("agencyhub-tls-keys-").FullName;
        var (probationKey, probationPublic) = await TestKeys.PairAsync(keys, "probation");
        var (routerKey, routerPublic) = await TestKeys.PairAsync(keys, "router");
        var routerSettings = _tls.Settings("hub-router", serverName: "localhost", certificateIdentity: true);
        routerSettings["Router:Signing:Participants:probation:0"] = probationPublic;
        routerSettings["Router:Signing:KeyFile"] = routerKey;
        var probationSettings = _tls.Settings("adapter-probation", certificateIdentity: true);
        probationSettings["Adapter:SigningKeyFile"] = probationKey;
        var policeSettings = _tls.Settings("adapter-police");
        policeSettings["Adapter:RouterKeyFiles:0"] = routerPublic;
        var jcpSettings = _tls.Settings("adapter-jcp");
        jcpSettings["Adapter:RouterKeyFiles:0"] = routerPublic;

        // The router and probation have no broker password at all (EXTERNAL: the user is the certificate's name);
        // police and JCP present their certificates and log in with their passwords: certificate identity is per participant.
        await using var router = await RouterUnderTest.StartAsync(servers.Broker, ledger, TestAgreements.WriteFolder(), routerSettings);
        await using var probation = await AdapterUnderTest.StartAsync(servers.Broker, AgencyCode.Probation, failing: false, probationSettings);
        await using var police = await AdapterUnderTest.StartAsync(servers.Broker, AgencyCode.Police, failing: false, policeSettings);
        await using var jcp = await AdapterUnderTest.StartAsync(servers.Broker, AgencyCode.Jcp, failing: false, jcpSettings);

        var release = Events.Release();
        await probation.SubmitAsync(release);

        await Eventually.UntilAsync(() => police.Sink.Received.Count + jcp.Sink.Received.Count, n => n >= 2, "deliveries over AMQPS at the police and JCP adapters");
        var rows = await Eventually.UntilAsync(() => LedgerQueries.RowsAsync(ledger), r => r.Count >= 4, "the four decisions of the event");
        police.Sink.Received.ShouldHaveSingleItem().Payload.GetProperty("subject").GetProperty("pncId").GetString().ShouldBe(Events.Pnc);
        jcp.Sink.Received.ShouldHaveSingleItem().Purpose.ShouldBe("benefit-continuity");
        rows.Where(r => r.Outcome == "allowed").Select(r => r.Recipient).Order().ShouldBe(["jcp", "police"]);
        police.Sink.Received.Concat(jcp.Sink.Received).ShouldAllBe(d => d.RouterSignature != null);
        rows.ShouldAllBe(r => r.Kind == "decision", "the signed event was decided, not refused");
        Directory.Delete(keys, recursive: true);
    }

    [Fact]
    public async Task When_a_client_trusts_the_test_ca_should_connect_over_amqps()
    {
        await using var connection = await ConnectAsync(_tls.CaFile, serverName: null);
        connection.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public async Task When_a_client_trusts_a_different_ca_should_refuse_the_broker_certificate()
    {
        var unrelated = TestCa.WriteUnrelated();
        try
        {
            var refused = await Should.ThrowAsync<BrokerUnreachableException>(() => ConnectAsync(unrelated, serverName: null));
            CausesOf(refused).ShouldContain(e => e is AuthenticationException);
        }
        finally
        {
            File.Delete(unrelated);
        }
    }

    [Fact]
    public async Task When_an_adapter_bus_trusts_a_different_ca_should_not_start()
    {
        var unrelated = TestCa.WriteUnrelated();
        try
        {
            // MassTransit on its own accepts chain errors; HubRabbitMq must not.
            var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => HubRabbitMq.ConfigureHost(rabbit, Options("adapter-probation", unrelated, serverName: null), "probation"));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            var refused = await Should.ThrowAsync<Exception>(() => bus.StartAsync(timeout.Token));
            CausesOf(refused).ShouldContain(e => e is AuthenticationException || e is BrokerUnreachableException, refused.ToString());
            await bus.StopAsync(CancellationToken.None);
        }
        finally
        {
            File.Delete(unrelated);
        }
    }

    [Fact]
    public async Task When_the_broker_certificate_does_not_carry_the_expected_name_should_refuse_it()
    {
        var refused = await Should.ThrowAsync<BrokerUnreachableException>(() => ConnectAsync(_tls.CaFile, serverName: "broker.agencyhub.example"));
        CausesOf(refused).ShouldContain(e => e is AuthenticationException);
    }

    [Fact]
    public async Task When_hub_ops_connects_over_amqps_should_verify_the_broker_against_its_ca()
    {
        var trusted = await OpsOverTlsAsync(_tls.CaFile);
        trusted.ExitCode.ShouldBe(0, trusted.Errors);
        trusted.Output.ShouldContain("dead-lettered message(s) listed");

        // And with the operator's certificate as its only credential.
        var byCertificate = await OpsOverTlsAsync(_tls.CaFile, certificateIdentity: true);
        byCertificate.ExitCode.ShouldBe(0, byCertificate.Errors);
        byCertificate.Output.ShouldContain("dead-lettered message(s) listed");

        var unrelated = TestCa.WriteUnrelated();
        try
        {
            var refused = await OpsOverTlsAsync(unrelated);
            refused.ExitCode.ShouldBe(3, refused.Output);
            refused.Errors.ShouldContain("the broker's certificate");
            refused.Errors.ShouldNotContain(servers.Broker.PasswordOf("hub-operator"));
        }
        finally
        {
            File.Delete(unrelated);
        }
    }

    private Task<(int ExitCode, string Output, string Errors)> OpsOverTlsAsync(string caFile, bool certificateIdentity = false)
    {
        var environment = new Dictionary<string, string>
        {
            ["AGENCYHUB_Broker__Host"] = servers.Broker.Host,
            ["AGENCYHUB_Broker__Port"] = _tls.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AGENCYHUB_Broker__VirtualHost"] = servers.Broker.VirtualHost,
            ["AGENCYHUB_Broker__Tls__Enabled"] = "true",
            ["AGENCYHUB_Broker__Tls__CaFile"] = caFile,
            ["AGENCYHUB_Broker__Tls__ClientCertificateFile"] = _tls.CertificateFileOf("hub-operator"),
            ["AGENCYHUB_Broker__Tls__ClientKeyFile"] = _tls.KeyFileOf("hub-operator"),
        };
        if (certificateIdentity)
        {
            environment["AGENCYHUB_Broker__Tls__UseCertificateIdentity"] = "true";
        }
        else
        {
            environment["AGENCYHUB_Broker__Password"] = servers.Broker.PasswordOf("hub-operator");
        }

        return HubCli.RunAsync(environment, ["ops", "dlq", "list", "--agency", "probation"]);
    }

    /// <summary>The connection <c>hub ops</c> and the router's queue metrics make: RabbitMQ.Client with <see cref="BrokerTls"/>.</summary>
    private async Task<IConnection> ConnectAsync(string caFile, string? serverName) =>
        await BrokerConnectionFactory.Create(Options("hub-operator", caFile, serverName), "agencyhub-tests-tls").CreateConnectionAsync();

    private BrokerOptions Options(string user, string caFile, string? serverName) => new()
    {
        Host = servers.Broker.Host,
        Port = _tls.Port,
        VirtualHost = servers.Broker.VirtualHost,
        Username = user,
        Password = servers.Broker.PasswordOf(user),
        Tls = new BrokerTlsOptions { Enabled = true, CaFile = caFile, ServerName = serverName, ClientCertificateFile = _tls.CertificateFileOf(user), ClientKeyFile = _tls.KeyFileOf(user) },
    };

    internal static IEnumerable<Exception> CausesOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(CausesOf))
                {
                    yield return inner;
                }
            }
        }
    }
}
