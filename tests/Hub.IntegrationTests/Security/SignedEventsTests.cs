using System.Security.Cryptography;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Security;

/// <summary>
/// On the real broker (docs/adr/0023): probation's adapter signs with its key and its events are decided; an event
/// published with probation's valid broker credentials but no valid signature is refused as signature-invalid,
/// ledgered and dead-lettered, and nothing is delivered.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class SignedEventsTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _running = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("agencyhub-signing-").FullName;
    private string _ledger = null!;
    private AdapterUnderTest _probation = null!;
    private AdapterUnderTest _police = null!;
    private BrokerClient _admin = null!;

    public async Task InitializeAsync()
    {
        _admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await _admin.PurgeHubQueuesAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var privateKey = Path.Combine(_folder, "probation.key");
        var publicKey = Path.Combine(_folder, "probation.pub");
        await File.WriteAllTextAsync(privateKey, key.ExportPkcs8PrivateKeyPem());
        await File.WriteAllTextAsync(publicKey, key.ExportSubjectPublicKeyInfoPem());
        _ledger = await servers.CreateDatabaseAsync();
        _running.Add(await RouterUnderTest.StartAsync(servers.Broker, _ledger, TestAgreements.WriteFolder(), new Dictionary<string, string?> { ["Router:Signing:Participants:probation:0"] = publicKey }));
        _running.Add(_probation = await AdapterUnderTest.StartAsync(servers.Broker, AgencyCode.Probation, failing: false, new Dictionary<string, string?> { ["Adapter:SigningKeyFile"] = privateKey }));
        _running.Add(_police = await AdapterUnderTest.StartAsync(servers.Broker, AgencyCode.Police));
    }

    public async Task DisposeAsync()
    {
        foreach (var running in Enumerable.Reverse(_running))
        {
            await running.DisposeAsync();
        }

        await _admin.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task When_an_event_comes_through_probations_queue_unsigned_should_refuse_it_while_the_signing_adapter_is_decided()
    {
        var signed = Events.Release();
        var forged = Events.Release();
        await using (var thief = await BrokerClient.ConnectAsync(servers.Broker, "adapter-probation"))
        {
            await thief.PublishAsync(HubTopology.SubmitExchange(AgencyCode.Probation), MassTransitEnvelope.For(forged));
        }

        await _probation.SubmitAsync(signed);

        await Eventually.UntilAsync(() => _police.Sink.Received.Count, n => n >= 1, "the signed event at the police adapter");
        var rows = await Eventually.UntilAsync(() => LedgerQueries.RowsAsync(_ledger), r => r.Count >= 5, "the signed event's decisions and the forgery's rejection");
        rows.Where(r => r.EventId == signed.Envelope.EventId).ShouldAllBe(r => r.Kind == "decision");
        var refusal = rows.Where(r => r.EventId == forged.Envelope.EventId).ShouldHaveSingleItem();
        (refusal.Kind, refusal.Reasons[0]).ShouldBe(("rejection", "signature-invalid"));
        _police.Sink.Received.ShouldAllBe(d => d.EventId == signed.Envelope.EventId);
        (await Eventually.UntilAsync(() => _admin.DrainAsync(HubTopology.IngressQueue(AgencyCode.Probation) + "_error"), d => d.Count > 0, "the forgery in the dead-letter queue")).ShouldHaveSingleItem();
    }
}
