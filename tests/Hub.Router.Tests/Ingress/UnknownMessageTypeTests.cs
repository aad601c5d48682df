using Hub.Contracts.Agencies;
using Hub.Router.Ingress;
using Hub.Router.Ledger;
using Hub.Router.Tests.Support;

namespace Hub.Router.Tests.Ingress;

public sealed class UnknownMessageTypeTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>
{
    [Fact]
    public async Task When_a_message_is_not_a_catalogued_event_should_ledger_an_unknown_type_rejection()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);

        var messageId = await host.SendAsync(AgencyCode.Police, new NotAnEvent("not shareable"));

        var rows = await host.WaitForLedgerAsync(r => r.Count > 0, "the rejection row");
        var row = rows.ShouldHaveSingleItem();
        row.Kind.ShouldBe(LedgerEntryKind.Rejection);
        row.Reasons[0].ShouldBe(RejectionCodes.UnknownType);
        row.Reasons[1].ShouldContain(nameof(NotAnEvent));
        row.Source.ShouldBe("police");
        row.MessageId.ShouldBe(messageId.ToString());
        row.EventId.ShouldBeNull();
        host.Traffic.Sent.ShouldBeEmpty();
        host.Sink.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task When_a_message_is_not_a_catalogued_event_should_move_it_aside_with_the_reason()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);

        var messageId = await host.SendAsync(AgencyCode.Police, new NotAnEvent("not shareable"));

        var moved = await host.WaitForErrorQueueAsync(messageId);
        moved.Queue.ShouldBe("hub.ingress.police_skipped");
        moved.Reason.ShouldNotBeNull().ShouldStartWith(RejectionCodes.UnknownType);
    }

    [Fact]
    public async Task When_an_unknown_message_type_has_been_rejected_should_still_route_the_next_valid_event()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var messageId = await host.SendAsync(AgencyCode.Police, new NotAnEvent("not shareable"));
        await host.WaitForErrorQueueAsync(messageId);

        var deliveries = await host.RouteValidReleaseAsync();

        deliveries.Count.ShouldBe(2);
        (await host.ReadLedgerAsync()).Count(r => r.Kind == LedgerEntryKind.Rejection).ShouldBe(1);
    }
}
