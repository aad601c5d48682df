using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Topology;
using Hub.Router.Ingress;
using Hub.Router.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Hub.Router.Tests.Ingress;

public sealed class OversizedEventTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>
{
    private const int Limit = 8192;

    [Fact]
    public async Task When_an_event_is_larger_than_the_limit_should_reject_it_as_oversized_before_it_is_deserialised()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path, maxEventBytes: Limit);
        var huge = TestEvents.Release() with { AddressOnRelease = new string('x', 16384) };

        var messageId = await host.SendAsync(AgencyCode.Probation, huge);

        var error = await host.WaitForErrorQueueAsync(messageId);
        error.Queue.ShouldBe("hub.ingress.probation_error");
        error.FaultMessage.ShouldNotBeNull().ShouldStartWith(RejectionCodes.Oversized);
        var row = (await host.ReadLedgerAsync()).ShouldHaveSingleItem();
        row.Reasons[0].ShouldBe(RejectionCodes.Oversized);
        row.Reasons[1].ShouldContain(Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        row.Source.ShouldBe("probation");
        row.MessageId.ShouldBe(messageId.ToString());
        row.EventId.ShouldBeNull("the body was never read, so the router does not know the event id");
        await host.Faults.WaitForReceiveEndAsync(messageId, HubTopology.IngressQueue(AgencyCode.Probation));
        host.Snapshot<ReleaseScheduled>().ShouldBeEmpty("no consumer ever received it");
        host.Faults.Faulted.ShouldNotContain(messageId, host.Faults.Describe());
        var warning = host.Logs.Entries.Where(e => e.Category == typeof(RejectionRecorder).FullName).ShouldHaveSingleItem();
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Exception.ShouldBeNull();
        warning.Message.ShouldContain(RejectionCodes.Oversized);
        host.Logs.Entries.ShouldNotContain(e => e.Level >= LogLevel.Error);
        host.Traffic.Sent.ShouldBeEmpty();
        host.Sink.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task When_an_oversized_body_is_also_unreadable_should_refuse_it_by_its_size_without_reading_it()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path, maxEventBytes: Limit);

        // Were the body read first, this would be refused as malformed (its envelope is a number).
        var messageId = await host.SendAsync(AgencyCode.Probation, new UnreadableRelease(5, new string('x', 16384)));

        var row = (await host.WaitForLedgerAsync(r => r.Count > 0, "the rejection row")).ShouldHaveSingleItem();
        row.Reasons[0].ShouldBe(RejectionCodes.Oversized);
        (await host.WaitForErrorQueueAsync(messageId)).FaultMessage.ShouldNotBeNull().ShouldStartWith(RejectionCodes.Oversized);
    }

    [Fact]
    public async Task When_an_unreadable_body_is_within_the_limit_should_still_be_refused_as_malformed()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path, maxEventBytes: Limit);

        var messageId = await host.SendAsync(AgencyCode.Probation, new UnreadableRelease(5, "soon"));

        var row = (await host.WaitForLedgerAsync(r => r.Count > 0, "the rejection row")).ShouldHaveSingleItem();
        row.Reasons[0].ShouldBe(RejectionCodes.Malformed);
        row.MessageId.ShouldBe(messageId.ToString());
    }

    [Fact]
    public async Task When_an_oversized_event_has_been_rejected_should_still_route_the_next_event_within_the_limit()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path, maxEventBytes: Limit);
        var huge = TestEvents.Release() with { AddressOnRelease = new string('x', 16384) };
        await host.WaitForErrorQueueAsync(await host.SendAsync(AgencyCode.Probation, huge));

        // Slimmer than the usual sample, so that transport metadata cannot take it over the limit on any machine.
        var slim = TestEvents.Release() with { AddressOnRelease = null, CohortTier = null, LeadProfessional = null, SubstanceMisuseFlag = null, MentalHealthFlag = null };
        var deliveries = await host.RouteValidReleaseAsync(slim);

        deliveries.Count.ShouldBe(2);
    }
}
