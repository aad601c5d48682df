using Hub.Contracts.Agencies;
using Hub.Router.Consent;
using Hub.Router.Ledger;
using Hub.Router.Tests.Support;
using Hub.Testing;
using Hub.Testing.Consent;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Router.Tests.Consent;

/// <summary>A withdrawal that arrives before its consent is kept and applied when the consent is recorded (docs/adr/0018).</summary>
public sealed class EarlyWithdrawalTests
{
    private static readonly string Agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
    private static readonly PassportConsent Passport = new("P-UNIT-1", RouterTestHost.Now);

    [Fact]
    public async Task When_a_withdrawal_arrives_before_its_consent_should_keep_it_and_register_the_consent_already_withdrawn_as_of_its_instant()
    {
        await using var host = await RouterTestHost.StartAsync(Agreements);
        var store = host.Services.GetRequiredService<IConsentStore>();
        var withdrawnAt = RouterTestHost.Now.AddSeconds(-75);
        var withdrawal = Passport.Withdrawn(AgencyCode.Nhs, withdrawnAt);

        var withdrawalMessage = await host.SendAsync(AgencyCode.Nhs, withdrawal);
        await host.WaitForLedgerAsync(r => r.Count(x => x.EventId == withdrawal.Envelope.EventId) == 4, "the withdrawal decided like any event");
        (await store.EarlyWithdrawalsAsync(Passport.Id, CancellationToken.None)).ShouldHaveSingleItem().EventId.ShouldBe(withdrawal.Envelope.EventId);

        var recorded = Passport.Recorded();
        await host.SendAsync(AgencyCode.Nhs, recorded);

        var registered = await Eventually.UntilAsync(() => store.FindAsync(Passport.Id, CancellationToken.None), r => r?.Withdrawal is not null, "the consent registered withdrawn");
        registered!.Withdrawal!.EffectiveAt.ShouldBe(withdrawnAt);
        registered.Withdrawal.StatedAt.ShouldBe(withdrawnAt);
        registered.Withdrawal.EventId.ShouldBe(withdrawal.Envelope.EventId);
        host.ErrorQueues.Messages.ShouldNotContain(m => m.MessageId == withdrawalMessage, "kept, not dead-lettered");
        (await host.ReadLedgerAsync()).ShouldNotContain(r => r.Outcome == LedgerOutcome.Rejected);

        var referral = Passport.Referral();
        await host.SendAsync(AgencyCode.Nhs, referral);
        var rows = await host.WaitForLedgerAsync(r => r.Count(x => x.EventId == referral.Envelope.EventId) == 4, "a referral after the consent");
        rows.Single(r => r.EventId == referral.Envelope.EventId && r.Recipient == "council").Reasons
            .ShouldContain($"DSA-016@1 flow F1-passport-to-ways-into-work: consent {Passport.Id} was withdrawn at 2026-11-20T09:58:45Z");
    }

    [Fact]
    public async Task When_a_kept_withdrawal_came_from_another_agency_should_not_apply_it_and_ledger_it_as_refused()
    {
        await using var host = await RouterTestHost.StartAsync(Agreements);
        var store = host.Services.GetRequiredService<IConsentStore>();
        var withdrawal = Passport.Withdrawn(AgencyCode.Council, RouterTestHost.Now);
        await host.SendAsync(AgencyCode.Council, withdrawal);
        await Eventually.UntilAsync(() => store.EarlyWithdrawalsAsync(Passport.Id, CancellationToken.None), w => w.Count == 1, "the withdrawal kept");

        await host.SendAsync(AgencyCode.Nhs, Passport.Recorded());

        var rows = await host.WaitForLedgerAsync(r => r.Any(x => x.Outcome == LedgerOutcome.Rejected), "the kept withdrawal refused");
        var refused = rows.Single(r => r.Outcome == LedgerOutcome.Rejected);
        refused.EventId.ShouldBe(withdrawal.Envelope.EventId);
        refused.Source.ShouldBe("council");
        refused.Reasons.ShouldBe([ConsentRejectionCodes.NotOwned, $"consent {Passport.Id} was recorded through the nhs ingress; only that agency may withdraw it"]);
        (await store.FindAsync(Passport.Id, CancellationToken.None))!.Withdrawal.ShouldBeNull();
    }
}
