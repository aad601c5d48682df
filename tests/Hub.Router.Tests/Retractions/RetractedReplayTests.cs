using Hub.Contracts.Agencies;
using Hub.Contracts.Operations.V1;
using Hub.Router.Ledger;
using Hub.Router.Operations;
using Hub.Router.Retractions;
using Hub.Router.Tests.Support;
using Hub.Testing.Consent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Router.Tests.Retractions;

/// <summary>A delivery of an event its source has since retracted is never sent again by an operator's replay (docs/adr/0020).</summary>
public sealed class RetractedReplayTests
{
    private static readonly PassportConsent Passport = new("P-RETRACT-REPLAY", RouterTestHost.Now);
    private static readonly string Agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");

    [Fact]
    public async Task When_the_source_has_retracted_the_event_since_should_deny_the_replay_naming_the_retraction()
    {
        await using var host = await RouterTestHost.StartAsync(Agreements);
        var recorded = Passport.Recorded();
        await host.SendAsync(AgencyCode.Nhs, recorded);
        await host.WaitForLedgerAsync(rows => rows.Count(r => r.EventId == recorded.Envelope.EventId) == 4, "the consent event decided");
        var referral = Passport.Referral();
        await host.SendAsync(AgencyCode.Nhs, referral);
        var delivered = (await host.WaitForDeliveriesAsync(referral.Envelope.EventId, 1)).ShouldHaveSingleItem();
        var retractionId = Guid.NewGuid();
        await host.Services.GetRequiredService<IRetractionRegister>().RecordRetractedAsync(
            [new RetractedEvent { Source = "nhs", EventId = referral.Envelope.EventId, EventType = "employment.referral.created", RetractionId = retractionId, Reason = "entered-in-error", RetractedAt = RouterTestHost.Now, RecordedAt = RouterTestHost.Now }],
            CancellationToken.None);
        var request = new DeliveryReplayRequested { RequestId = Guid.NewGuid(), DeliveryId = delivered.DeliveryId, RequestedBy = "ops-1", RequestedAt = RouterTestHost.Now, FromQueue = "hub.delivery.council_error" };

        using (var scope = host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeliveryReplayer>().ReplayAsync(request, scope.ServiceProvider.GetRequiredService<ISendEndpointProvider>(), CancellationToken.None);
        }

        var replay = (await host.ReadLedgerAsync()).Single(r => r.Kind == LedgerEntryKind.OperatorAccess && r.MessageId == request.RequestId.ToString());
        replay.Outcome.ShouldBe(LedgerOutcome.ReplayDenied);
        replay.Reasons.ShouldContain($"nhs has since retracted event {referral.Envelope.EventId} (entered-in-error) in retraction {retractionId}");
        host.Sink.Received.Count(d => d.DeliveryId == delivered.DeliveryId).ShouldBe(1, "sent once, when it was decided; never again");
    }
}
