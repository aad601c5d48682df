using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;
using Hub.Router.Consent.Holding;
using Hub.Router.Ledger;
using Hub.Router.Retractions;
using Hub.Router.Tests.Support;
using Hub.Sharing.Decisions;
using Hub.Testing.Consent;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Router.Tests.Retractions;

/// <summary>
/// A retraction that reaches the router before an earlier version it names (out of order across the bus, or the
/// earlier version still held for its consent) on the embedded composition under DSA-016: the earlier version, when
/// it is decided, is denied to every recipient as <c>retracted</c> and ledgered, never shared.
/// </summary>
public sealed class RetractionBeforeDeliveryTests
{
    private static readonly PassportConsent Passport = new("P-RETRACT-EARLY", RouterTestHost.Now);
    private static readonly string Agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");

    [Fact]
    public async Task When_a_retraction_arrives_before_the_event_it_names_should_deny_the_event_to_every_recipient_as_retracted()
    {
        await using var host = await RouterTestHost.StartAsync(Agreements);
        await RecordPassportAsync(host);
        var referral = Passport.Referral();
        var retraction = Retraction(AgencyCode.Nhs, referral.Envelope.EventId);
        await host.SendAsync(AgencyCode.Nhs, retraction);
        await WaitRegisteredAsync(host, AgencyCode.Nhs, referral.Envelope.EventId);

        await host.SendAsync(AgencyCode.Nhs, referral);

        var rows = (await host.WaitForLedgerAsync(r => r.Count(x => x.EventId == referral.Envelope.EventId) == 4, "the referral decided")).Where(r => r.EventId == referral.Envelope.EventId).ToList();
        rows.ShouldAllBe(r => r.Kind == LedgerEntryKind.Decision && r.Outcome == LedgerOutcome.Denied && r.DeliveryId == null && r.AgreementId == null);
        rows.ShouldAllBe(r => r.Reasons.Single() == $"nhs retracted this event (entered-in-error) in retraction {retraction.Envelope.EventId} before the hub shared it: it is shared with no one");
        host.Sink.Received.ShouldNotContain(d => d.EventId == referral.Envelope.EventId);
        host.Sink.Recalls.ShouldBeEmpty("nothing was delivered, so nothing is recalled");
    }

    [Fact]
    public async Task When_another_agency_retracts_the_id_first_should_still_share_the_event_on_its_consent()
    {
        await using var host = await RouterTestHost.StartAsync(Agreements);
        await RecordPassportAsync(host);
        var referral = Passport.Referral();
        await host.SendAsync(AgencyCode.Probation, Retraction(AgencyCode.Probation, referral.Envelope.EventId));
        await WaitRegisteredAsync(host, AgencyCode.Probation, referral.Envelope.EventId);

        await host.SendAsync(AgencyCode.Nhs, referral);

        var rows = await host.WaitForLedgerAsync(r => r.Count(x => x.EventId == referral.Envelope.EventId) == 4, "the referral decided");
        rows.Single(r => r.EventId == referral.Envelope.EventId && r.Recipient == "council").Outcome.ShouldBe(LedgerOutcome.Allowed, "no agency can block another's events");
        (await host.WaitForDeliveriesAsync(referral.Envelope.EventId, 1)).ShouldHaveSingleItem().Recipient.ShouldBe(AgencyCode.Council);
    }

    [Fact]
    public async Task When_an_event_held_for_its_consent_is_retracted_should_release_it_to_be_denied_as_retracted_and_never_share_it()
    {
        await using var host = await RouterTestHost.StartAsync(Agreements, moreSettings: new Dictionary<string, string?>
        {
            ["Router:ConsentHoldWindow"] = "00:02:00",
            ["Router:ConsentHoldPollInterval"] = "00:00:05",
        });
        var held = host.Services.GetRequiredService<IHeldEventStore>();
        var referral = Passport.Referral();
        await host.SendAsync(AgencyCode.Nhs, referral);
        await Eventually.UntilAsync(() => held.CountAsync(CancellationToken.None), n => n == 1, "the referral held for its consent");

        await host.SendAsync(AgencyCode.Nhs, Retraction(AgencyCode.Nhs, referral.Envelope.EventId));

        var rows = await host.WaitForLedgerAsync(r => r.Count(x => x.EventId == referral.Envelope.EventId) == 4, "the held referral released and decided");
        rows.Where(r => r.EventId == referral.Envelope.EventId).ShouldAllBe(r => r.Outcome == LedgerOutcome.Denied && r.Reasons.Single().Contains("retracted this event", StringComparison.Ordinal));
        await Eventually.UntilAsync(() => held.CountAsync(CancellationToken.None), n => n == 0, "the held copy forgotten");
        await RecordPassportAsync(host);
        (await host.ReadLedgerAsync()).Count(r => r.EventId == referral.Envelope.EventId).ShouldBe(4, "decided once, denied; the consent arriving later changes nothing");
        host.Sink.Received.ShouldNotContain(d => d.EventId == referral.Envelope.EventId);
    }

    private static async Task RecordPassportAsync(RouterTestHost host)
    {
        var recorded = Passport.Recorded();
        await host.SendAsync(AgencyCode.Nhs, recorded);
        await host.WaitForLedgerAsync(rows => rows.Count(r => r.EventId == recorded.Envelope.EventId) == 4, "the consent event decided");
    }

    private static Task<IReadOnlyList<RetractedEvent>> WaitRegisteredAsync(RouterTestHost host, AgencyCode source, Guid eventId) =>
        Eventually.UntilAsync(
            () => host.Services.GetRequiredService<IRetractionRegister>().FindRetractedAsync([(source.Value, eventId)], CancellationToken.None),
            r => r.Count == 1,
            "the retraction registered");

    private static RecordRetracted Retraction(AgencyCode source, Guid original) => new()
    {
        Envelope = Passport.Envelope(source) with { Classification = DataClassification.SpecialCategoryHealth },
        RetractedEventType = "employment.referral.created",
        RetractedEventIds = [original],
        Reason = RetractionReasons.EnteredInError,
    };
}
