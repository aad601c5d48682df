using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.EndToEnd;

/// <summary>
/// The real path: probation's adapter (its own broker user) → submit exchange → router → Postgres ledger →
/// delivery exchanges → the police and JCP adapters. NHS and council have no flow and must receive nothing.
/// </summary>
[Collection(ServersGroup.Name)]
public class ReleaseNoticeEndToEndTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _running = [];
    private string _ledger = null!;
    private AdapterUnderTest _probation = null!;
    private AdapterUnderTest _police = null!;
    private AdapterUnderTest _jcp = null!;
    private AdapterUnderTest _nhs = null!;

    public async Task InitializeAsync()
    {
        await using (var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin"))
        {
            await admin.PurgeHubQueuesAsync();
        }

        _ledger = await servers.CreateDatabaseAsync();
        _running.Add(await RouterUnderTest.StartAsync(servers.Broker, _ledger, TestAgreements.WriteFolder()));
        _running.Add(_probation = await AdapterUnderTest.StartAsync(servers.Broker, AgencyCode.Probation));
        _running.Add(_police = await AdapterUnderTest.StartAsync(servers.Broker, AgencyCode.Police));
        _running.Add(_jcp = await AdapterUnderTest.StartAsync(servers.Broker, AgencyCode.Jcp));
        _running.Add(_nhs = await AdapterUnderTest.StartAsync(servers.Broker, AgencyCode.Nhs));
    }

    public async Task DisposeAsync()
    {
        foreach (var running in Enumerable.Reverse(_running))
        {
            await running.DisposeAsync();
        }
    }

    [Fact]
    public async Task When_probation_publishes_a_release_notice_should_deliver_only_permitted_fields_and_ledger_every_decision()
    {
        var release = Events.Release();
        await _probation.SubmitAsync(release);

        await Eventually.UntilAsync(() => _police.Sink.Received.Count + _jcp.Sink.Received.Count, n => n >= 2, "deliveries at the police and JCP adapters");
        var rows = await Eventually.UntilAsync(() => LedgerQueries.RowsAsync(_ledger), r => r.Count >= 4, "the four decisions of the event");

        var police = _police.Sink.Received.ShouldHaveSingleItem();
        FieldsOf(police.Payload).ShouldBe(["establishment", "releaseDate", "subject.pncId"]);
        police.Payload.GetProperty("subject").GetProperty("pncId").GetString().ShouldBe(Events.Pnc);
        police.WithheldFields.ShouldBe(["addressOnRelease", "mentalHealthFlag", "resettlementArea", "sentenceBand", "subject.localId", "subject.nhsNumber", "subject.nino", "substanceMisuseFlag"]);
        (police.AgreementId, police.AgreementVersion, police.FlowId, police.Purpose).ShouldBe(("DSA-IT-1", 4, "F-police", "offender-management"));
        police.Source.ShouldBe(AgencyCode.Probation);

        var jcp = _jcp.Sink.Received.ShouldHaveSingleItem();
        FieldsOf(jcp.Payload).ShouldBe(["releaseDate", "subject.nino"]);
        jcp.Purpose.ShouldBe("benefit-continuity");

        rows.Count.ShouldBe(4);
        rows.ShouldAllBe(r => r.Kind == "decision" && r.EventId == release.Envelope.EventId && r.Source == "probation" && r.AgreementSetHash != null);
        rows.Where(r => r.Outcome == "allowed").Select(r => r.Recipient).Order().ShouldBe(["jcp", "police"]);
        rows.Where(r => r.Outcome == "denied").Select(r => r.Recipient).Order().ShouldBe(["council", "nhs"]);
        rows.Single(r => r.Recipient == "police").DeliveryId.ShouldBe(police.DeliveryId);
        rows.Single(r => r.Recipient == "nhs").Reasons.ShouldHaveSingleItem().ShouldBe("no agreement has a flow sharing custody.release.scheduled from probation to nhs");

        // Denied recipients: nothing for the NHS adapter, nothing waiting on the council's queue.
        _nhs.Sink.Received.ShouldBeEmpty();
        await using var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        (await admin.DrainAsync(HubTopology.DeliveryQueue(AgencyCode.Council))).ShouldBeEmpty();

        // The ledger names fields and pseudonyms, never identifier or address values.
        var ledgerText = await LedgerQueries.AllTextAsync(_ledger);
        foreach (var secret in new[] { Events.NhsNumber, Events.Pnc, Events.Nino, Events.Address, "PRB-1" })
        {
            ledgerText.ShouldNotContain(secret);
        }

        ledgerText.ShouldContain("pnc:");
    }

    private static string[] FieldsOf(JsonElement payload) =>
        [.. payload.EnumerateObject()
            .SelectMany(p => p.NameEquals("subject") ? p.Value.EnumerateObject().Select(i => "subject." + i.Name) : [p.Name])
            .Order(StringComparer.Ordinal)];
}
