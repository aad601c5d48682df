using Hub.Adapters.Core.Publishing;
using Hub.Adapters.Core.Tests.Support;
using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Core.Tests.Publishing;

public sealed class IngressPublisherTests
{
    [Fact]
    public async Task When_the_event_names_another_agency_as_its_source_should_refuse_it_before_sending_anything()
    {
        await using var host = await AdapterTestHost.StartAsync();
        using var scope = host.Services.CreateScope();
        var publisher = scope.ServiceProvider.GetRequiredService<IngressPublisher>();
        var probationEvent = TestDeliveries.Release(AgencyCode.Probation);

        var refusal = await Should.ThrowAsync<InvalidOperationException>(() => publisher.SubmitAsync(AgencyCode.Police, probationEvent, CancellationToken.None));

        refusal.Message.ShouldContain("police");
        refusal.Message.ShouldContain("probation");
        host.Harness.Sent.Select(_ => true, new CancellationToken(canceled: true)).ShouldBeEmpty();
    }

    [Fact]
    public async Task When_the_event_names_the_adapters_own_agency_should_send_it_to_that_agencys_ingress_with_the_event_id_as_message_id()
    {
        await using var host = await AdapterTestHost.StartAsync();
        using var scope = host.Services.CreateScope();
        var publisher = scope.ServiceProvider.GetRequiredService<IngressPublisher>();
        var release = TestDeliveries.Release(AgencyCode.Probation);

        await publisher.SubmitAsync(AgencyCode.Probation, release, CancellationToken.None);

        var sent = host.Harness.Sent.Select<ReleaseScheduled>(new CancellationToken(canceled: true)).ShouldHaveSingleItem();
        sent.Context.DestinationAddress!.AbsolutePath.ShouldEndWith("/hub.ingress.probation");
        sent.Context.MessageId.ShouldBe(release.Envelope.EventId);
        sent.Context.Message.Envelope.EventId.ShouldBe(release.Envelope.EventId);
    }
}
