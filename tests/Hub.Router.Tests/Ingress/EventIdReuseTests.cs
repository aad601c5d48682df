using System.Text.Json;
using Hub.Adapters.Core.Publishing;
using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Router.Ingress;
using Hub.Router.Ledger;
using Hub.Router.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Router.Tests.Ingress;

public sealed class EventIdReuseTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>
{
    [Fact]
    public async Task When_an_event_id_is_reused_with_different_content_should_reject_it_and_leave_the_original_untouched()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var original = TestEvents.Release();
        await host.RouteValidReleaseAsync(original);
        var decisionsBefore = JsonSerializer.Serialize(await host.ReadLedgerAsync());
        var altered = original with { Establishment = "HMP Elsewhere" };

        var messageId = await host.SendAsync(AgencyCode.Probation, altered);

        var consumed = await host.WaitForIngressConsumedAsync<ReleaseScheduled>(messageId);
        consumed.Exception.ShouldBeNull("a refusal reaches the error queue without faulting the consume, which MassTransit would log at Error with a stack trace");
        (await host.WaitForErrorQueueAsync(messageId)).FaultMessage.ShouldNotBeNull().ShouldStartWith(RejectionCodes.EventIdReused);
        var rows = await host.ReadLedgerAsync();
        var rejection = rows.Where(r => r.Kind == LedgerEntryKind.Rejection).ShouldHaveSingleItem();
        rejection.Reasons[0].ShouldBe(RejectionCodes.EventIdReused);
        rejection.EventId.ShouldBe(original.Envelope.EventId);
        rejection.MessageId.ShouldBe(messageId.ToString());
        JsonSerializer.Serialize(rows.Where(r => r.Kind == LedgerEntryKind.Decision)).ShouldBe(decisionsBefore);
        host.Traffic.Sent.Count.ShouldBe(2);
        host.Sink.Received.Count.ShouldBe(2);
        host.Sink.Received.Single(d => d.Recipient == AgencyCode.Police).Payload.GetProperty("establishment").GetString().ShouldBe("HMP Fictional");
        (await host.WaitForErrorQueueAsync(messageId)).Queue.ShouldBe("hub.ingress.probation_error");
    }

    [Fact]
    public async Task When_an_event_id_reuse_has_been_rejected_should_still_route_the_next_valid_event()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var original = TestEvents.Release();
        await host.RouteValidReleaseAsync(original);
        await host.WaitForIngressConsumedAsync<ReleaseScheduled>(await host.SendAsync(AgencyCode.Probation, original with { Establishment = "HMP Elsewhere" }));

        var deliveries = await host.RouteValidReleaseAsync();

        deliveries.Count.ShouldBe(2);
        host.Sink.Received.Count.ShouldBe(4);
    }

    [Fact]
    public async Task When_an_adapter_reuses_an_event_id_twice_should_ledger_each_refused_submission()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var original = TestEvents.Release();
        using var scope = host.Services.CreateScope();
        var publisher = scope.ServiceProvider.GetRequiredService<IngressPublisher>();
        await publisher.SubmitAsync(AgencyCode.Probation, original, CancellationToken.None);
        await host.WaitForDeliveriesAsync(original.Envelope.EventId, 2);

        await publisher.SubmitAsync(AgencyCode.Probation, original with { Establishment = "HMP Elsewhere" }, CancellationToken.None);
        await publisher.SubmitAsync(AgencyCode.Probation, original with { Establishment = "HMP Third" }, CancellationToken.None);

        await Eventually.UntilAsync(() => host.ErrorQueues.Messages, m => m.Count >= 2, "both refused submissions in the error queue");
        var rejections = (await host.ReadLedgerAsync()).Where(r => r.Kind == LedgerEntryKind.Rejection).ToList();
        rejections.Count.ShouldBe(2);
        rejections.ShouldAllBe(r => r.Reasons[0] == RejectionCodes.EventIdReused && r.MessageId == original.Envelope.EventId.ToString());
    }
}
