using Hub.Contracts.Agencies;
using Hub.Contracts.Consent.V1;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;
using Hub.Router.Consent;
using Hub.Router.Ledger;
using Hub.Router.Recalls;
using Hub.Router.Tests.Support;
using Hub.Testing.Consent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Router.Tests.Consent;

/// <summary>The registry's guards and timing, on the embedded composition (in-memory transport, SQLite) under DSA-016.</summary>
public sealed class ConsentRegistryTests
{
    private const string Passport = "P-UNIT-1";
    private static readonly PassportConsent PassportEvents = new(Passport, RouterTestHost.Now);
    private static readonly string Agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");

    [Fact]
    public async Task When_a_consent_expires_should_share_on_it_until_the_second_before_and_deny_from_that_second()
    {
        await using var host = await RouterTestHost.StartAsync(Agreements);
        var clock = (FakeTimeProvider)host.Services.GetRequiredService<TimeProvider>();
        var expires = RouterTestHost.Now.AddMinutes(10);
        await RecordAsync(host, expires);

        clock.SetUtcNow(expires.AddSeconds(-1));
        (await DecideAsync(host)).Outcome.ShouldBe(LedgerOutcome.Allowed);

        clock.SetUtcNow(expires);
        var after = await DecideAsync(host);
        after.Outcome.ShouldBe(LedgerOutcome.Denied);
        after.Reasons.ShouldContain($"DSA-016@1 flow F1-passport-to-ways-into-work: consent {Passport} expired at {expires.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
    }

    [Fact]
    public async Task When_another_agency_withdraws_a_consent_should_refuse_it_and_keep_sharing_on_the_consent()
    {
        await using var host = await RouterTestHost.StartAsync(Agreements);
        await RecordAsync(host, null);
        var withdrawal = PassportEvents.Withdrawn(AgencyCode.Council, RouterTestHost.Now);

        await host.SendAsync(AgencyCode.Council, withdrawal);

        var rows = await host.WaitForLedgerAsync(r => r.Any(x => x.Outcome == LedgerOutcome.Rejected), "the rejection row");
        rows.Single(r => r.Outcome == LedgerOutcome.Rejected).Reasons.ShouldBe([ConsentRejectionCodes.NotOwned, $"consent {Passport} was recorded through the nhs ingress; only that agency may withdraw it"]);
        rows.ShouldNotContain(r => r.EventId == withdrawal.Envelope.EventId && r.Kind == LedgerEntryKind.Decision, "a refused withdrawal is not decided");
        (await host.Services.GetRequiredService<IConsentStore>().FindAsync(Passport, CancellationToken.None))!.Withdrawal.ShouldBeNull();
        (await DecideAsync(host)).Outcome.ShouldBe(LedgerOutcome.Allowed);
    }

    [Fact]
    public async Task When_an_agency_acknowledges_a_recall_sent_to_another_should_refuse_it_as_forged()
    {
        await using var host = await RouterTestHost.StartAsync(Agreements);
        await RecordAsync(host, null);
        var delivered = await DecideAsync(host);
        await host.SendAsync(AgencyCode.Nhs, PassportEvents.Withdrawn(AgencyCode.Nhs, RouterTestHost.Now));
        var store = host.Services.GetRequiredService<IRecallStore>();
        var recall = (await Hub.Testing.Eventually.UntilAsync(() => store.RecallsAsync(true, CancellationToken.None), r => r.Count == 1, "the recall")).Single();
        recall.Deliveries.Single().DeliveryId.ShouldBe(delivered.DeliveryId!.Value);

        await host.SendAsync(AgencyCode.Jcp, new RecallAcknowledged { RecallId = recall.RecallId, Recipient = AgencyCode.Jcp, AcknowledgedAt = RouterTestHost.Now, Erased = [delivered.DeliveryId.Value] });

        var rows = await host.WaitForLedgerAsync(r => r.Any(x => x.Outcome == LedgerOutcome.Rejected), "the rejection row");
        rows.Single(r => r.Outcome == LedgerOutcome.Rejected).Reasons.ShouldBe(["forged-source", $"recall {recall.RecallId} was sent to another agency, not jcp"]);
        var acknowledged = await Hub.Testing.Eventually.UntilAsync(() => store.RecallsAsync(true, CancellationToken.None), r => r.Single().AcknowledgedAt is not null, "the council's own acknowledgement");
        acknowledged.Single().NotHeld.ShouldBe(1, "the council's test sink holds nothing to erase; JCP's claim counted for nothing");
    }

    private static async Task RecordAsync(RouterTestHost host, DateTimeOffset? expires)
    {
        var recorded = PassportEvents.Recorded(expires);
        await host.SendAsync(AgencyCode.Nhs, recorded);
        await host.WaitForLedgerAsync(rows => rows.Count(r => r.EventId == recorded.Envelope.EventId) == 4, "the consent event decided");
    }

    /// <summary>Sends a referral citing the passport and returns the council's ledger row.</summary>
    private static async Task<LedgerEntry> DecideAsync(RouterTestHost host)
    {
        var referral = PassportEvents.Referral();
        await host.SendAsync(AgencyCode.Nhs, referral);
        var rows = await host.WaitForLedgerAsync(r => r.Count(x => x.EventId == referral.Envelope.EventId) == 4, "the referral decided");
        return rows.Single(r => r.EventId == referral.Envelope.EventId && r.Recipient == "council");
    }
}
