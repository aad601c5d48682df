using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Router.Ingress;
using Hub.Router.Tests.Support;

namespace Hub.Router.Tests.Ingress;

public sealed class OversizedEventTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>
{
    private const int Limit = 8192;

    [Fact]
    public async Task When_an_event_is_larger_than_the_limit_should_reject_it_as_oversized()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path, maxEventBytes: Limit);
        var huge = TestEvents.Release() with { AddressOnRelease = new string('x', 16384) };

        var messageId = await host.SendAsync(AgencyCode.Probation, huge);

        var consumed = await host.WaitForIngressConsumedAsync<ReleaseScheduled>(messageId);
        consumed.Exception.ShouldBeNull("a refusal reaches the error queue without faulting the consume, which MassTransit would log at Error with a stack trace");
        (await host.WaitForErrorQueueAsync(messageId)).FaultMessage.ShouldNotBeNull().ShouldStartWith(RejectionCodes.Oversized);
        var row = (await host.ReadLedgerAsync()).ShouldHaveSingleItem();
        row.Reasons[0].ShouldBe(RejectionCodes.Oversized);
        row.Reasons[1].ShouldContain(Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        row.Source.ShouldBe("probation");
        (await host.WaitForErrorQueueAsync(messageId)).Queue.ShouldBe("hub.ingress.probation_error");
        host.Traffic.Sent.ShouldBeEmpty();
        host.Sink.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task When_an_oversized_event_has_been_rejected_should_still_route_the_next_event_within_the_limit()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path, maxEventBytes: Limit);
        var huge = TestEvents.Release() with { AddressOnRelease = new string('x', 16384) };
        await host.WaitForIngressConsumedAsync<ReleaseScheduled>(await host.SendAsync(AgencyCode.Probation, huge));

        // Slimmer than the usual sample, so that transport metadata cannot take it over the limit on any machine.
        var slim = TestEvents.Release() with { AddressOnRelease = null, CohortTier = null, LeadProfessional = null, SubstanceMisuseFlag = null, MentalHealthFlag = null };
        var deliveries = await host.RouteValidReleaseAsync(slim);

        deliveries.Count.ShouldBe(2);
    }
}
