using Hub.Contracts.Agencies;
using Hub.Router.Consent;
using Hub.Router.Consent.Holding;
using Hub.Router.Ingress;
using Hub.Router.Ledger;
using Hub.Router.Tests.Support;
using Hub.Sharing.Decisions;
using Hub.Testing;
using Hub.Testing.Consent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Router.Tests.Consent;

/// <summary>The consent hold window (docs/adr/0018) on the embedded composition (in-memory transport, SQLite), under DSA-016.</summary>
public sealed class ConsentHoldTests
{
    private static readonly string Agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
    private static readonly PassportConsent Passport = new("P-UNIT-1", RouterTestHost.Now);

    [Fact]
    public async Task When_an_event_cites_a_consent_recorded_later_in_the_window_should_hold_it_then_decide_it_once_on_the_consent()
    {
        await using var host = await StartAsync();
        var referral = Passport.Referral();

        await host.SendAsync(AgencyCode.Nhs, referral);
        await host.SendAsync(AgencyCode.Nhs, referral);
        await WaitForHeldAsync(host, 1);
        (await host.ReadLedgerAsync()).ShouldNotContain(r => r.EventId == referral.Envelope.EventId, "a held event is not decided yet");

        await host.SendAsync(AgencyCode.Nhs, Passport.Recorded());

        var rows = await host.WaitForLedgerAsync(r => r.Count(x => x.EventId == referral.Envelope.EventId) == 4, "the held referral decided");
        var council = rows.Single(r => r.EventId == referral.Envelope.EventId && r.Recipient == "council");
        council.Outcome.ShouldBe(LedgerOutcome.Allowed);
        council.Footing.ShouldBe(DecisionFooting.Consent);
        council.MessageId.ShouldNotBeNull();
        (await host.WaitForDeliveriesAsync(referral.Envelope.EventId, 1)).ShouldHaveSingleItem().Recipient.ShouldBe(AgencyCode.Council);
        await WaitForHeldAsync(host, 0);
        (await host.ReadLedgerAsync()).Count(r => r.EventId == referral.Envelope.EventId).ShouldBe(4, "held twice, decided once");
    }

    [Fact]
    public async Task When_the_consent_is_registered_while_the_hold_is_being_committed_should_release_it_without_waiting_for_the_poll()
    {
        GatedHoldStore? gate = null;
        await using var host = await RouterTestHost.StartAsync(Agreements, moreSettings: HoldSettings, replace: services =>
            services.AddSingleton<IHeldEventStore>(sp => gate = new GatedHoldStore((IHeldEventStore)sp.GetRequiredService<IConsentStore>())));
        var referral = Passport.Referral();

        // Ingress has read the registry (no consent) and is about to hold the referral when the consent arrives and
        // its release pass runs, finding nothing held yet.
        await host.SendAsync(AgencyCode.Nhs, referral);
        await Eventually.UntilAsync(() => gate, g => g is not null, "the held-event store built");
        await gate!.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        gate.DuePasses.ShouldBe(0);
        await host.SendAsync(AgencyCode.Nhs, Passport.Recorded());
        await Eventually.UntilAsync(() => gate.DuePasses, n => n == 1, "the release pass the consent started, finding nothing held yet");
        (await host.Services.GetRequiredService<IConsentStore>().FindManyAsync([Passport.Id], CancellationToken.None)).Count.ShouldBe(1);

        // The clock never moves here, so no poll comes: only the hold itself can wake the releaser.
        gate.Open();

        var rows = await host.WaitForLedgerAsync(r => r.Count(x => x.EventId == referral.Envelope.EventId) == 4, "the referral decided on the consent");
        rows.Single(r => r.EventId == referral.Envelope.EventId && r.Recipient == "council").Footing.ShouldBe(DecisionFooting.Consent);
        await WaitForHeldAsync(host, 0);
    }

    [Fact]
    public async Task When_the_window_ends_without_the_consent_should_deny_saying_by_when_and_how_long_after_arrival()
    {
        await using var host = await StartAsync();
        var clock = (FakeTimeProvider)host.Services.GetRequiredService<TimeProvider>();
        var referral = Passport.Referral();
        await host.SendAsync(AgencyCode.Nhs, referral);
        await WaitForHeldAsync(host, 1);

        clock.Advance(TimeSpan.FromMinutes(2));

        var rows = await host.WaitForLedgerAsync(r => r.Count(x => x.EventId == referral.Envelope.EventId) == 4, "the referral decided at the end of its window");
        var council = rows.Single(r => r.EventId == referral.Envelope.EventId && r.Recipient == "council");
        council.Outcome.ShouldBe(LedgerOutcome.Denied);
        council.Reasons.ShouldContain($"DSA-016@1 flow F1-passport-to-ways-into-work: consent {Passport.Id} had not been recorded by 2026-11-20T10:02:00Z, 120 s after the event arrived");
        await WaitForHeldAsync(host, 0);
        host.Sink.Received.ShouldNotContain(d => d.EventId == referral.Envelope.EventId && d.Recipient == AgencyCode.Council);
    }

    [Fact]
    public async Task When_an_event_is_held_should_log_it_at_information_without_personal_data()
    {
        await using var host = await StartAsync();
        var referral = Passport.Referral();

        await host.SendAsync(AgencyCode.Nhs, referral);
        await WaitForHeldAsync(host, 1);

        var held = host.Logs.Entries.Where(e => e.Category == typeof(ConsentHold).FullName).ShouldHaveSingleItem();
        held.Level.ShouldBe(LogLevel.Information);
        held.Message.ShouldContain(referral.Envelope.EventId.ToString());
        held.Message.ShouldNotContain(Passport.Id, customMessage: "consent references are built from case numbers");
        held.Message.ShouldNotContain(PassportConsent.Person.Nino!);
        held.Message.ShouldNotContain(PassportConsent.Person.NhsNumber!);
    }

    [Fact]
    public async Task When_a_held_event_id_comes_again_with_other_content_should_reject_it_as_reused()
    {
        await using var host = await StartAsync();
        var referral = Passport.Referral();
        await host.SendAsync(AgencyCode.Nhs, referral);
        await WaitForHeldAsync(host, 1);

        var messageId = await host.SendAsync(AgencyCode.Nhs, referral with { ReferralId = "R-2" });

        var rejection = (await host.WaitForLedgerAsync(r => r.Count > 0, "the rejection")).ShouldHaveSingleItem();
        rejection.Reasons[0].ShouldBe(RejectionCodes.EventIdReused);
        rejection.MessageId.ShouldBe(messageId.ToString());
        (await host.Services.GetRequiredService<IHeldEventStore>().FindHeldAsync("nhs", referral.Envelope.EventId, CancellationToken.None))!.Body.ShouldContain("R-1", Case.Sensitive);
    }

    [Fact]
    public async Task When_the_window_is_zero_should_deny_an_unrecorded_consent_at_once()
    {
        await using var host = await RouterTestHost.StartAsync(Agreements, moreSettings: new Dictionary<string, string?> { ["Router:ConsentHoldWindow"] = "00:00:00" });
        var referral = Passport.Referral();

        await host.SendAsync(AgencyCode.Nhs, referral);

        var rows = await host.WaitForLedgerAsync(r => r.Count(x => x.EventId == referral.Envelope.EventId) == 4, "the referral decided at once");
        rows.Single(r => r.EventId == referral.Envelope.EventId && r.Recipient == "council").Reasons.ShouldContain($"DSA-016@1 flow F1-passport-to-ways-into-work: consent {Passport.Id} is not in the consent registry");
        (await host.Services.GetRequiredService<IHeldEventStore>().CountAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task When_no_permit_for_the_event_needs_a_consent_should_decide_at_once_whatever_consent_it_cites()
    {
        using var folder = new AgreementsFolder();
        await using var host = await RouterTestHost.StartAsync(folder.Path, moreSettings: new Dictionary<string, string?> { ["Router:ConsentHoldWindow"] = "00:02:00" });
        var release = TestEvents.Release();
        release = release with { Envelope = release.Envelope with { Consent = new() { ConsentRef = "C-NEVER-RECORDED", CollectionPurpose = "offender-management" } } };

        await host.SendAsync(AgencyCode.Probation, release);

        var rows = await host.WaitForLedgerAsync(r => r.Count(x => x.EventId == release.Envelope.EventId) == 4, "the release decided at once");
        rows.Single(r => r.EventId == release.Envelope.EventId && r.Recipient == "police").Outcome.ShouldBe(LedgerOutcome.Allowed);
        (await host.Services.GetRequiredService<IHeldEventStore>().CountAsync(CancellationToken.None)).ShouldBe(0);
    }

    private static readonly Dictionary<string, string?> HoldSettings = new()
    {
        ["Router:ConsentHoldWindow"] = "00:02:00",
        ["Router:ConsentHoldPollInterval"] = "00:00:05",
    };

    private static Task<RouterTestHost> StartAsync() => RouterTestHost.StartAsync(Agreements, moreSettings: HoldSettings);

    private static Task<int> WaitForHeldAsync(RouterTestHost host, int count) =>
        Eventually.UntilAsync(() => host.Services.GetRequiredService<IHeldEventStore>().CountAsync(CancellationToken.None), n => n == count, $"{count} held events");
}
