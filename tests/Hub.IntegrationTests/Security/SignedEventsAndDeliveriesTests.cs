using System.Security.Cryptography;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Topology;
using Hub.Contracts.Signing;
using Hub.IntegrationTests.Infrastructure;
using Hub.Router.Ledger;
using Npgsql;

namespace Hub.IntegrationTests.Security;

/// <summary>
/// On the real broker (docs/adr/0023): probation's adapter signs with its key and its events are decided; an event
/// published with probation's valid broker credentials but no valid signature is refused as signature-invalid,
/// ledgered and dead-lettered, and nothing is delivered. The router signs each delivery when it decides it, and the
/// police adapter, holding the router's public key, refuses one altered after that (in the outbox or on the way).
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class SignedEventsAndDeliveriesTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _running = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("agencyhub-signing-").FullName;
    private string _ledger = null!;
    private AdapterUnderTest _probation = null!;
    private AdapterUnderTest _police = null!;
    private BrokerClient _admin = null!;
    private string _probationKeyId = null!;

    public async Task InitializeAsync()
    {
        _admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await _admin.PurgeHubQueuesAsync();
        var (probationKey, probationPublic) = await TestKeys.PairAsync(_folder, "probation");
        _probationKeyId = VerificationKeys.FromPemFiles([probationPublic]).KeyIds.Single();
        var (routerKey, routerPublic) = await TestKeys.PairAsync(_folder, "router");
        _ledger = await servers.CreateDatabaseAsync();
        _running.Add(await RouterUnderTest.StartAsync(servers.Broker, _ledger, TestAgreements.WriteFolder(), new Dictionary<string, string?>
        {
            ["Router:Signing:Participants:probation:0"] = probationPublic,
            ["Router:Signing:KeyFile"] = routerKey,
        }));
        _running.Add(_probation = await AdapterUnderTest.StartAsync(servers.Broker, AgencyCode.Probation, failing: false, new Dictionary<string, string?> { ["Adapter:SigningKeyFile"] = probationKey }));
        _running.Add(_police = await AdapterUnderTest.StartAsync(servers.Broker, AgencyCode.Police, failing: false, new Dictionary<string, string?> { ["Adapter:RouterKeyFiles:0"] = routerPublic }));
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
    public async Task When_a_delivery_is_altered_after_the_router_signed_it_should_be_refused_by_the_recipient_before_its_sink()
    {
        var release = Events.Release();
        await _probation.SubmitAsync(release);
        var genuine = (await Eventually.UntilAsync(() => _police.Sink.Received, r => r.Count >= 1, "the signed delivery at police")).Single();
        genuine.RouterSignature.ShouldNotBeNull();

        // What an attacker with database rights makes of the outbox row (the router sends a stored body as it is).
        var altered = genuine with { DeliveryId = Guid.NewGuid(), WithheldFields = [] };
        await _admin.PublishAsync(HubTopology.DeliverExchange(AgencyCode.Police), MassTransitEnvelope.For(altered, altered.DeliveryId));

        var refused = (await Eventually.UntilAsync(() => _admin.DrainAsync(HubTopology.DeliveryQueue(AgencyCode.Police) + "_error"), d => d.Count > 0, "the altered delivery in police's error queue")).ShouldHaveSingleItem();
        BrokerClient.Header(refused, "MT-Fault-Message").ShouldContain("the router's signature is not valid for its contents");
        _police.Sink.Received.ShouldHaveSingleItem().DeliveryId.ShouldBe(genuine.DeliveryId);
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

    [Fact]
    public async Task When_a_signed_event_is_decided_should_ledger_its_key_id_its_signature_digest_and_each_deliverys_digest()
    {
        var signed = Events.Release();

        await _probation.SubmitAsync(signed);

        await Eventually.UntilAsync(() => _police.Sink.Received.Count, n => n >= 1, "the signed event at the police adapter");
        await using var dataSource = NpgsqlDataSource.Create(_ledger);
        await using var command = dataSource.CreateCommand("""
            SELECT l.outcome, l.event_key_id, l.event_signature_sha256, l.delivery_sha256, o.body::text
              FROM ledger_entries l LEFT JOIN outbox_deliveries o ON o.delivery_id = l.delivery_id
             WHERE l.event_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = signed.Envelope.EventId });
        var rows = new List<(string Outcome, string? KeyId, string? SignatureSha256, string? DeliverySha256, string? Body)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4)));
            }
        }

        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.KeyId == _probationKeyId && r.SignatureSha256 != null && r.SignatureSha256.Length == 64);
        rows.Select(r => r.SignatureSha256).Distinct().ShouldHaveSingleItem("one signed message, one digest");
        var allowed = rows.Where(r => r.Outcome == "allowed").ToList();
        allowed.ShouldNotBeEmpty();
        allowed.ShouldAllBe(r => r.Body != null && r.DeliverySha256 == DeliveryDigests.Of(r.Body));
        rows.Where(r => r.Outcome != "allowed").ShouldAllBe(r => r.DeliverySha256 == null);
    }

    [Fact]
    public async Task When_a_recall_is_not_signed_by_the_router_should_be_refused_before_the_sink_erases_anything()
    {
        var release = Events.Release();
        await _probation.SubmitAsync(release);
        var genuine = (await Eventually.UntilAsync(() => _police.Sink.Received, r => r.Count >= 1, "the signed delivery at police")).Single();

        // Whoever can write the deliver exchange (a stolen router password) asks police to erase what it holds lawfully.
        var forged = new RecallRequested
        {
            RecallId = Guid.NewGuid(),
            Recipient = AgencyCode.Police,
            ConsentRef = "CONSENT-FORGED",
            WithdrawnAt = TimeProvider.System.GetUtcNow(),
            RequestedAt = TimeProvider.System.GetUtcNow(),
            Deliveries = [new RecalledDelivery { DeliveryId = genuine.DeliveryId, EventId = genuine.EventId, EventType = genuine.EventType, Source = genuine.Source }],
            Reason = "forged",
        };
        await _admin.PublishAsync(HubTopology.DeliverExchange(AgencyCode.Police), MassTransitEnvelope.For(forged, forged.RecallId));

        var refused = (await Eventually.UntilAsync(() => _admin.DrainAsync(HubTopology.DeliveryQueue(AgencyCode.Police) + "_error"), d => d.Count > 0, "the forged recall in police's error queue")).ShouldHaveSingleItem();
        BrokerClient.Header(refused, "MT-Fault-Message").ShouldContain($"Recall {forged.RecallId} is refused: the router's signature is missing");
        _police.Sink.Received.ShouldHaveSingleItem().DeliveryId.ShouldBe(genuine.DeliveryId);
        _police.Sink.Recalled.ShouldBeEmpty();
    }

    [Fact]
    public async Task When_a_recall_acknowledgement_comes_unsigned_from_a_signing_agency_should_be_refused_as_signature_invalid()
    {
        var forged = new RecallAcknowledged { RecallId = Guid.NewGuid(), Recipient = AgencyCode.Probation, AcknowledgedAt = TimeProvider.System.GetUtcNow(), Erased = [] };
        await using (var thief = await BrokerClient.ConnectAsync(servers.Broker, "adapter-probation"))
        {
            await thief.PublishAsync(HubTopology.SubmitExchange(AgencyCode.Probation), MassTransitEnvelope.For(forged, Guid.NewGuid()));
        }

        var rows = await Eventually.UntilAsync(() => LedgerQueries.RowsAsync(_ledger), r => r.Any(x => x.Kind == "rejection"), "the acknowledgement's rejection");
        var refusal = rows.Where(r => r.Kind == "rejection").ShouldHaveSingleItem();
        refusal.Reasons[0].ShouldBe("signature-invalid");
        (await Eventually.UntilAsync(() => _admin.DrainAsync(HubTopology.IngressQueue(AgencyCode.Probation) + "_error"), d => d.Count > 0, "the acknowledgement in the dead-letter queue")).ShouldHaveSingleItem();
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
