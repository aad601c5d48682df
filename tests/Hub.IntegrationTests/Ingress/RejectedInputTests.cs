using System.Text;
using System.Text.Json;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Subjects;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Ingress;

/// <summary>
/// Bad input over the real broker, sent with probation's own credentials the way a faulty or hostile client
/// would: each is refused with a reason, ledgered, moved to the ingress error queue, never forwarded, and the
/// router keeps routing afterwards.
/// </summary>
[Collection(ServersGroup.Name)]
public class RejectedInputTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly string Submit = HubTopology.SubmitExchange(AgencyCode.Probation);
    private static readonly string ErrorQueue = HubTopology.IngressQueue(AgencyCode.Probation) + "_error";
    private static readonly string SkippedQueue = HubTopology.IngressQueue(AgencyCode.Probation) + "_skipped";

    private RouterUnderTest _router = null!;
    private BrokerClient _probation = null!;
    private BrokerClient _admin = null!;
    private string _ledger = null!;
    private string _lastDeadLetterHeaders = string.Empty;

    public async Task InitializeAsync()
    {
        _admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await _admin.PurgeHubQueuesAsync();
        _ledger = await servers.CreateDatabaseAsync();
        _router = await RouterUnderTest.StartAsync(servers.Broker, _ledger, TestAgreements.WriteFolder());
        _probation = await BrokerClient.ConnectAsync(servers.Broker, "adapter-probation");
    }

    public async Task DisposeAsync()
    {
        await _router.DisposeAsync();
        await _probation.DisposeAsync();
        await _admin.DisposeAsync();
    }

    [Fact]
    public async Task When_event_claims_another_agency_as_source_should_reject_it_as_forged() =>
        await ShouldRejectAsync(MassTransitEnvelope.For(Events.Release(claimedSource: AgencyCode.Police)), "forged-source", "claims source 'police' but arrived on the ingress queue of 'probation'", "forged-source");

    [Fact]
    public async Task When_body_is_not_json_should_reject_it_as_malformed_without_echoing_the_body()
    {
        const string body = "this is { not json: Jane Example, 1 Example Row";
        var row = await ShouldRejectAsync(Encoding.UTF8.GetBytes(body), "malformed", "not a readable hub envelope", "not a readable hub envelope");
        string.Join(' ', row.Reasons).ShouldNotContain("Jane Example");
        _lastDeadLetterHeaders.ShouldNotContain("Jane Example");
    }

    [Fact]
    public async Task When_identifier_fails_its_check_digit_should_reject_it_without_quoting_the_value()
    {
        var release = Events.Release();
        var bad = release with { Envelope = release.Envelope with { Subject = new SubjectIdentifiers { NhsNumber = "9990000000" } } };
        var row = await ShouldRejectAsync(MassTransitEnvelope.For(bad), "malformed", "subject.nhsNumber fails the NHS number format or check digit", "subject.nhsNumber");
        string.Join(' ', row.Reasons).ShouldNotContain("9990000000");
    }

    [Fact]
    public async Task When_message_type_is_not_a_hub_event_should_reject_it_as_unknown()
    {
        using var body = JsonDocument.Parse("""{"what":"anything"}""");
        await ShouldRejectAsync(MassTransitEnvelope.For("urn:message:Elsewhere:Exfiltrate", body.RootElement), "unknown-type", "urn:message:Elsewhere:Exfiltrate", "unknown-type", SkippedQueue, "MT-Reason");
    }

    [Fact]
    public async Task When_event_is_larger_than_the_limit_should_reject_it_as_oversized() =>
        await ShouldRejectAsync(MassTransitEnvelope.For(Events.Release(address: new string('x', 300_000))), "oversized", "the limit is 262144", "oversized");

    [Fact]
    public async Task When_an_oversized_body_is_not_even_json_should_reject_it_as_oversized_without_reading_it()
    {
        // Were the body read before its size was checked, it would be refused as malformed.
        var row = await ShouldRejectAsync(Encoding.UTF8.GetBytes("not json " + new string('x', 300_000)), "oversized", "the limit is 262144", "oversized");
        row.EventId.ShouldBeNull();
    }

    [Fact]
    public async Task When_required_field_is_missing_should_reject_it_as_malformed()
    {
        var json = JsonSerializer.SerializeToNode(Events.Release(), ContractJson.Options)!.AsObject();
        json.Remove("releaseDate");
        using var body = JsonDocument.Parse(json.ToJsonString());
        var row = await ShouldRejectAsync(MassTransitEnvelope.For("urn:message:Hub.Contracts.Custody.V1:ReleaseScheduled", body.RootElement), "malformed", "message body could not be read as a hub event", "releaseDate");
        string.Join(' ', row.Reasons).ShouldNotContain(Events.Pnc);
    }

    /// <param name="headerFragment">What the dead-lettered copy's reason header must say.</param>
    private async Task<LedgerRow> ShouldRejectAsync(byte[] body, string code, string reasonFragment, string headerFragment, string? deadLetterQueue = null, string header = "MT-Fault-Message")
    {
        await _probation.PublishAsync(Submit, body);

        var rows = await Eventually.UntilAsync(() => LedgerQueries.RowsAsync(_ledger), r => r.Any(x => x.Kind == "rejection" && x.Reasons.FirstOrDefault() == code), $"a {code} rejection row");
        var row = rows.Single(x => x.Kind == "rejection" && x.Reasons[0] == code);
        row.Outcome.ShouldBe("rejected");
        row.Source.ShouldBe("probation");
        row.Reasons[1].ShouldContain(reasonFragment);
        rows.ShouldNotContain(x => x.Kind == "decision", "a refused message must reach no decision");

        // In the error (or, for unknown types, skipped) queue, with the reason in its headers, for an operator to inspect or replay.
        var failed = await Eventually.UntilAsync(() => _admin.DrainAsync(deadLetterQueue ?? ErrorQueue), m => m.Count > 0, "the refused message in the dead-letter queue");
        var copy = failed.ShouldHaveSingleItem();
        _lastDeadLetterHeaders = BrokerClient.Headers(copy);
        BrokerClient.Header(copy, header).ShouldContain(headerFragment, customMessage: _lastDeadLetterHeaders);

        // Never forwarded, and the router is still routing: a good event afterwards reaches police.
        var good = Events.Release();
        await _probation.PublishAsync(Submit, MassTransitEnvelope.For(good));
        var delivered = await Eventually.UntilAsync(() => _admin.DrainAsync(HubTopology.DeliveryQueue(AgencyCode.Police)), m => m.Count > 0, "the next good event's delivery to police");
        var only = delivered.ShouldHaveSingleItem();
        Encoding.UTF8.GetString(only.Body.Span).ShouldContain(good.Envelope.EventId.ToString());
        return row;
    }
}
