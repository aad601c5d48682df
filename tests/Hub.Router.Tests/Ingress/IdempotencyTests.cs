using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Router.Ledger;
using Hub.Router.Tests.Support;

namespace Hub.Router.Tests.Ingress;

public sealed class IdempotencyTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>
{
    [Fact]
    public async Task When_the_same_event_arrives_again_should_ledger_it_once_and_not_send_its_deliveries_again()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var release = TestEvents.Release();
        var first = await host.SendAsync(AgencyCode.Probation, release);
        await host.WaitForIngressConsumedAsync<ReleaseScheduled>(first);
        await host.WaitForDeliveriesAsync(release.Envelope.EventId, 2);
        var ledgerBefore = await host.ReadLedgerAsync();

        var second = await host.SendAsync(AgencyCode.Probation, release);

        // The harness records a consume once the consumer has returned, so every send it made is already observed.
        (await host.WaitForIngressConsumedAsync<ReleaseScheduled>(second)).Exception.ShouldBeNull();
        var rows = await host.ReadLedgerAsync();
        rows.Count.ShouldBe(4);
        rows.ShouldAllBe(r => r.Kind == LedgerEntryKind.Decision);
        rows.Select(r => r.EntryId).ShouldBe(ledgerBefore.Select(r => r.EntryId));
        host.Traffic.Sent.Select(d => d.Recipient.Value).Order().ShouldBe(["jcp", "police"]);
        var consumed = await Eventually.UntilAsync(() => host.Traffic.Consumed, c => c.Count >= 2, "both deliveries at their endpoints");
        consumed.Select(d => d.Recipient.Value).Order().ShouldBe(["jcp", "police"]);
        host.Sink.Received.Count.ShouldBe(2);
    }

    [Fact]
    public async Task When_the_same_event_arrives_twice_at_once_should_ledger_it_once_and_each_recipient_should_receive_it_once()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var release = TestEvents.Release();

        var sends = await Task.WhenAll(host.SendAsync(AgencyCode.Probation, release), host.SendAsync(AgencyCode.Probation, release));

        foreach (var messageId in sends)
        {
            (await host.WaitForIngressConsumedAsync<ReleaseScheduled>(messageId)).Exception.ShouldBeNull();
        }

        // Both copies may find the outbox rows unsent and send them (at-least-once); recipients drop the copy by delivery id.
        var sent = host.Traffic.Sent.Count;
        await Eventually.UntilAsync(() => host.Traffic.Consumed, c => c.Count >= sent, "every sent delivery at its endpoint");
        (await host.ReadLedgerAsync()).Count.ShouldBe(4);
        host.Sink.Received.Select(d => d.Recipient.Value).Order().ShouldBe(["jcp", "police"]);
    }
}
