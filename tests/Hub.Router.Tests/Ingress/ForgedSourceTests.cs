using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Router.Ingress;
using Hub.Router.Ledger;
using Hub.Router.Tests.Support;

namespace Hub.Router.Tests.Ingress;

public sealed class ForgedSourceTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>
{
    [Fact]
    public async Task When_an_event_claims_another_agency_as_its_source_should_ledger_one_forged_source_rejection()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var forged = TestEvents.Release(source: AgencyCode.Probation);

        var messageId = await host.SendAsync(AgencyCode.Police, forged);

        var consumed = await host.WaitForIngressConsumedAsync<ReleaseScheduled>(messageId);
        consumed.Exception.ShouldBeNull("a refusal reaches the error queue without faulting the consume, which MassTransit would log at Error with a stack trace");
        (await host.WaitForErrorQueueAsync(messageId)).FaultMessage.ShouldNotBeNull().ShouldStartWith(RejectionCodes.ForgedSource);
        var row = (await host.ReadLedgerAsync()).ShouldHaveSingleItem();
        row.Kind.ShouldBe(LedgerEntryKind.Rejection);
        row.Outcome.ShouldBe(LedgerOutcome.Rejected);
        row.Reasons[0].ShouldBe(RejectionCodes.ForgedSource);
        row.Source.ShouldBe("police");
        row.EventId.ShouldBe(forged.Envelope.EventId);
        row.EventType.ShouldBe("custody.release.scheduled");
        row.MessageId.ShouldBe(messageId.ToString());
        row.DeliveryId.ShouldBeNull();
    }

    [Fact]
    public async Task When_an_event_claims_another_agency_as_its_source_should_deliver_nothing_and_move_it_to_the_ingress_error_queue()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var forged = TestEvents.Release(source: AgencyCode.Probation);

        var messageId = await host.SendAsync(AgencyCode.Police, forged);

        var error = await host.WaitForErrorQueueAsync(messageId);
        error.Queue.ShouldBe("hub.ingress.police_error");
        error.FaultExceptionType.ShouldBe(typeof(IngressRejectedException).FullName);
        error.FaultMessage.ShouldNotBeNull().ShouldStartWith(RejectionCodes.ForgedSource);
        host.Traffic.Sent.ShouldBeEmpty();
        host.Sink.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task When_a_forged_event_has_been_rejected_should_still_route_the_next_valid_event()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var forgedId = await host.SendAsync(AgencyCode.Police, TestEvents.Release(source: AgencyCode.Probation));
        await host.WaitForIngressConsumedAsync<ReleaseScheduled>(forgedId);

        var deliveries = await host.RouteValidReleaseAsync();

        deliveries.Select(d => d.Recipient.Value).Order().ShouldBe(["jcp", "police"]);
        host.Sink.Received.Count.ShouldBe(2);
    }
}
