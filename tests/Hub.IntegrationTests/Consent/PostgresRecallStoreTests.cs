using Hub.Contracts.Agencies;
using Hub.IntegrationTests.Infrastructure;
using Hub.Router.Consent.Holding;
using Hub.Router.Consent.Postgres;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Postgres;
using Hub.Router.Recalls;
using Hub.Router.Retractions;

namespace Hub.IntegrationTests.Consent;

/// <summary>
/// The one recall store and the retraction register on Postgres, as the router's runtime role (insert-only): a retraction
/// recalls its own source's deliveries of the retracted type from each recipient, once; another agency's retraction
/// of the same id recalls nothing; a held copy of a retracted event is due at once; acknowledgements are recorded.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class PostgresRecallStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch.AddYears(56);
    private LedgerDatabase _database = null!;
    private PostgresLedgerStore _ledger = null!;
    private PostgresConsentStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await LedgerDatabase.CreateAsync(servers);
        _ledger = await _database.RuntimeStoreAsync();
        _store = new PostgresConsentStore(_database.RuntimeSource);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task When_a_source_retracts_delivered_events_should_recall_them_from_each_recipient_once_and_record_the_acknowledgement()
    {
        var batch = LedgerBatches.Release(At);
        await _ledger.RecordDecisionsAsync(batch, CancellationToken.None);
        var retractionId = Guid.NewGuid();
        await _store.RecordRetractedAsync([Retracted("probation", batch.EventId, retractionId), Retracted("probation", batch.EventId, retractionId)], CancellationToken.None);
        var forgedId = Guid.NewGuid();
        await _store.RecordRetractedAsync([Retracted("nhs", batch.EventId, forgedId)], CancellationToken.None);

        var recalls = await _store.SyncRecallsAsync(RecallCause.ForRetraction(retractionId), At, CancellationToken.None);
        var again = await _store.SyncRecallsAsync(RecallCause.ForRetraction(retractionId), At.AddMinutes(1), CancellationToken.None);
        var acknowledged = await _store.AcknowledgeAsync(recalls[0].RecallId, recalls[0].Recipient, At, At, 1, 0, CancellationToken.None);

        recalls.Select(r => r.Recipient).ShouldBe(["jcp", "police"], ignoreOrder: true);
        recalls.ShouldAllBe(r => r.Cause == RecallCause.ForRetraction(retractionId) && r.ReasonCode == "entered-in-error" && r.WithdrawnAt == At);
        recalls.SelectMany(r => r.Deliveries.Select(d => d.DeliveryId)).ShouldBe(batch.Deliveries.Select(d => d.DeliveryId), ignoreOrder: true);
        again.Select(r => r.RecallId).ShouldBe(recalls.Select(r => r.RecallId), ignoreOrder: true);
        acknowledged.ShouldBe(RecallAcknowledgement.Recorded);
        (await _store.SyncRecallsAsync(RecallCause.ForRetraction(retractionId), At, CancellationToken.None)).ShouldHaveSingleItem();
        (await _store.SyncRecallsAsync(RecallCause.ForRetraction(forgedId), At, CancellationToken.None)).ShouldBeEmpty("no agency can take back another's deliveries");
        (await _store.FindRetractedAsync([("probation", batch.EventId), ("nhs", Guid.NewGuid())], CancellationToken.None)).ShouldHaveSingleItem().RetractionId.ShouldBe(retractionId);
    }

    [Fact]
    public async Task When_a_held_event_is_retracted_should_be_due_at_once_as_retracted()
    {
        var held = new HeldEvent
        {
            Source = "nhs", EventId = Guid.NewGuid(), EventType = "employment.referral.created", ConsentRef = "P-NOT-YET", ContentHash = "h",
            Body = "{}", ArrivedAt = At, ReleaseAt = At.AddMinutes(2),
        };
        await _store.HoldAsync(held, CancellationToken.None);
        (await _store.DueAsync(At, 10, CancellationToken.None)).ShouldBeEmpty();

        await _store.RecordRetractedAsync([Retracted(AgencyCode.Nhs.Value, held.EventId, Guid.NewGuid()) with { EventType = held.EventType }], CancellationToken.None);

        var due = (await _store.DueAsync(At, 10, CancellationToken.None)).ShouldHaveSingleItem();
        due.ShouldBe(new DueHeldEvent(held, ConsentRecorded: false, Retracted: true));
    }

    private static RetractedEvent Retracted(string source, Guid eventId, Guid retractionId) => new()
    {
        Source = source,
        EventId = eventId,
        EventType = "custody.release.scheduled",
        RetractionId = retractionId,
        Reason = "entered-in-error",
        RetractedAt = At,
        RecordedAt = At,
    };
}
