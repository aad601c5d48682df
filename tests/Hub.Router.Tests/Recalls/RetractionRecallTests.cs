using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;
using Hub.Router.Ledger;
using Hub.Router.Recalls;
using Hub.Router.Tests.Support;
using Hub.Testing.Consent;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Router.Tests.Recalls;

/// <summary>
/// A source's <c>health.record.retracted</c> on the embedded composition (in-memory transport, SQLite) under DSA-016:
/// the referral the council received on the passport consent is recalled from the council, and only from it.
/// </summary>
public sealed class RetractionRecallTests
{
    private static readonly PassportConsent PassportEvents = new("P-RETRACT-1", RouterTestHost.Now);
    private static readonly string Agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");

    [Fact]
    public async Task When_the_source_retracts_a_delivered_referral_should_recall_it_from_exactly_its_recipient_and_record_the_acknowledgement()
    {
        await using var host = await RouterTestHost.StartAsync(Agreements);
        var delivered = await DeliverReferralAsync(host);
        var retraction = Retraction(AgencyCode.Nhs, delivered.EventId!.Value);

        await host.SendAsync(AgencyCode.Nhs, retraction);

        var recall = await Hub.Testing.Eventually.UntilAsync(() => Task.FromResult(host.Sink.Recalls), r => r.Count > 0, "the council's recall");
        var only = recall.ShouldHaveSingleItem();
        only.Recipient.ShouldBe(AgencyCode.Council);
        only.RetractionRef.ShouldBe(retraction.Envelope.EventId);
        only.ConsentRef.ShouldBeEmpty();
        only.Deliveries.Select(d => d.DeliveryId).ShouldBe([delivered.DeliveryId!.Value]);
        only.Reason.ShouldContain("entered in error");
        var store = host.Services.GetRequiredService<IRecallStore>();
        await Hub.Testing.Eventually.UntilAsync(() => store.SyncRecallsAsync(RecallCause.ForRetraction(retraction.Envelope.EventId), RouterTestHost.Now, CancellationToken.None), r => r.Count == 0, "the council's acknowledgement");
        var rows = await host.WaitForLedgerAsync(r => r.Any(x => x.EventId == retraction.Envelope.EventId), "the retraction ledgered");
        rows.Where(r => r.EventId == retraction.Envelope.EventId).ShouldAllBe(r => r.Outcome == LedgerOutcome.Denied, "no agreement shares the retraction itself; only the recall goes out");
    }

    [Fact]
    public async Task When_another_agency_names_the_referral_in_a_retraction_should_recall_nothing_for_it()
    {
        await using var host = await RouterTestHost.StartAsync(Agreements);
        var delivered = await DeliverReferralAsync(host);
        var forged = Retraction(AgencyCode.Probation, delivered.EventId!.Value);
        await host.SendAsync(AgencyCode.Probation, forged);
        await host.WaitForLedgerAsync(r => r.Any(x => x.EventId == forged.Envelope.EventId), "the forged retraction decided");

        var genuine = Retraction(AgencyCode.Nhs, delivered.EventId!.Value);
        await host.SendAsync(AgencyCode.Nhs, genuine);

        var recalls = await Hub.Testing.Eventually.UntilAsync(() => Task.FromResult(host.Sink.Recalls), r => r.Count > 0, "the genuine retraction's recall");
        recalls.ShouldAllBe(r => r.RetractionRef == genuine.Envelope.EventId);
        var store = host.Services.GetRequiredService<IRecallStore>();
        (await store.SyncRecallsAsync(RecallCause.ForRetraction(forged.Envelope.EventId), RouterTestHost.Now, CancellationToken.None)).ShouldBeEmpty();
    }

    private static async Task<LedgerEntry> DeliverReferralAsync(RouterTestHost host)
    {
        var recorded = PassportEvents.Recorded();
        await host.SendAsync(AgencyCode.Nhs, recorded);
        await host.WaitForLedgerAsync(rows => rows.Count(r => r.EventId == recorded.Envelope.EventId) == 4, "the consent event decided");
        var referral = PassportEvents.Referral();
        await host.SendAsync(AgencyCode.Nhs, referral);
        var rows = await host.WaitForLedgerAsync(r => r.Count(x => x.EventId == referral.Envelope.EventId) == 4, "the referral decided");
        var delivered = rows.Single(r => r.EventId == referral.Envelope.EventId && r.Recipient == "council");
        delivered.Outcome.ShouldBe(LedgerOutcome.Allowed);
        return delivered;
    }

    private static RecordRetracted Retraction(AgencyCode source, Guid original) => new()
    {
        Envelope = PassportEvents.Envelope(source) with { Classification = DataClassification.SpecialCategoryHealth },
        RetractedEventType = "employment.referral.created",
        RetractedEventIds = [original, Guid.NewGuid()],
        Reason = RetractionReasons.EnteredInError,
    };
}
