using Hub.Router.Ledger;
using Hub.Router.Ledger.Sqlite;

namespace Hub.Router.Tests.Ledger;

public sealed class SqliteLedgerStoreTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private readonly string _directory;
    private readonly SqliteLedgerStore _store;

    public SqliteLedgerStoreTests()
    {
        _directory = Directory.CreateTempSubdirectory("agencyhub-sqlite-").FullName;
        _store = new SqliteLedgerStore(LedgerPath);
    }

    private string LedgerPath => Path.Combine(_directory, "ledger.db");

    public Task InitializeAsync() => _store.InitializeAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _store.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp ledger left behind is harmless.
        }
    }

    [Fact]
    public async Task When_a_batch_is_recorded_the_first_time_should_return_every_delivery_as_pending()
    {
        var batch = Batch("probation", Guid.NewGuid(), "hash-1");

        var result = await _store.RecordDecisionsAsync(batch, CancellationToken.None);

        result.Conflict.ShouldBeFalse();
        result.AlreadyRecorded.ShouldBeFalse();
        result.Pending.Select(p => p.DeliveryId).ShouldBe(batch.Deliveries.Select(d => d.DeliveryId), ignoreOrder: true);
        (await ReadAllAsync()).Select(e => e.EntryId).ShouldBe(batch.Entries.Select(e => e.EntryId));
    }

    [Fact]
    public async Task When_a_batch_is_recorded_again_before_any_send_should_return_every_delivery_again_and_write_no_rows()
    {
        var batch = Batch("probation", Guid.NewGuid(), "hash-1");
        await _store.RecordDecisionsAsync(batch, CancellationToken.None);

        var again = await _store.RecordDecisionsAsync(batch, CancellationToken.None);

        again.Conflict.ShouldBeFalse();
        again.AlreadyRecorded.ShouldBeTrue();
        again.Pending.Select(p => p.DeliveryId).ShouldBe(batch.Deliveries.Select(d => d.DeliveryId), ignoreOrder: true);
        (await ReadAllAsync()).Count.ShouldBe(batch.Entries.Count);
    }

    [Fact]
    public async Task When_some_deliveries_were_marked_sent_should_return_only_the_unsent_ones_on_the_next_record()
    {
        var batch = Batch("probation", Guid.NewGuid(), "hash-1");
        var first = await _store.RecordDecisionsAsync(batch, CancellationToken.None);
        var sent = first.Pending.Single(p => p.Recipient == "police");

        await _store.MarkSentAsync([sent.DeliveryId], At, CancellationToken.None);
        var again = await _store.RecordDecisionsAsync(batch, CancellationToken.None);

        var pending = again.Pending.ShouldHaveSingleItem();
        pending.Recipient.ShouldBe("jcp");
        pending.Body.ShouldBe(batch.Deliveries.Single(d => d.Recipient == "jcp").Body);
    }

    [Fact]
    public async Task When_every_delivery_was_marked_sent_should_return_nothing_pending_on_the_next_record()
    {
        var batch = Batch("probation", Guid.NewGuid(), "hash-1");
        var first = await _store.RecordDecisionsAsync(batch, CancellationToken.None);

        await _store.MarkSentAsync([.. first.Pending.Select(p => p.DeliveryId)], At, CancellationToken.None);
        var again = await _store.RecordDecisionsAsync(batch, CancellationToken.None);

        again.AlreadyRecorded.ShouldBeTrue();
        again.Pending.ShouldBeEmpty();
    }

    [Fact]
    public async Task When_a_group_holds_copies_of_one_event_should_record_it_once_and_let_only_the_first_copy_send()
    {
        var eventId = Guid.NewGuid();
        var other = Batch("police", Guid.NewGuid(), "hash-o");
        var copy = Batch("probation", eventId, "hash-1");

        var results = await _store.RecordGroupAsync([copy, other, copy with { }], [], CancellationToken.None);

        results[0].Pending.Count.ShouldBe(2);
        results[0].AlreadyRecorded.ShouldBeFalse();
        results[1].Pending.Count.ShouldBe(2);
        (results[2].AlreadyRecorded, results[2].Conflict, results[2].Pending.Count).ShouldBe((true, false, 0));
        (await ReadAllAsync()).Count.ShouldBe(copy.Entries.Count + other.Entries.Count);
    }

    [Fact]
    public async Task When_a_group_holds_two_contents_under_one_event_id_should_record_the_first_and_refuse_the_second()
    {
        var eventId = Guid.NewGuid();

        var results = await _store.RecordGroupAsync([Batch("probation", eventId, "hash-1"), Batch("probation", eventId, "hash-2", recipientsSuffix: "-other")], [], CancellationToken.None);

        results[0].Conflict.ShouldBeFalse();
        results[1].Conflict.ShouldBeTrue();
        (await ReadAllAsync()).ShouldAllBe(e => !e.Recipient!.EndsWith("-other", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_a_group_holds_sent_marks_and_a_recorded_event_should_commit_the_marks_before_reading_what_is_unsent()
    {
        var earlier = Batch("probation", Guid.NewGuid(), "hash-1");
        var first = await _store.RecordDecisionsAsync(earlier, CancellationToken.None);
        var police = first.Pending.Single(p => p.Recipient == "police").DeliveryId;

        var results = await _store.RecordGroupAsync([Batch("council", Guid.NewGuid(), "hash-c"), earlier], [new SentMark(police, At)], CancellationToken.None);
        var state = await _store.OutboxForEventAsync(earlier.EventId, CancellationToken.None);

        results[1].AlreadyRecorded.ShouldBeTrue();
        results[1].Pending.ShouldHaveSingleItem().Recipient.ShouldBe("jcp");
        state.Single(s => s.DeliveryId == police).SentAt.ShouldBe(At);
    }

    [Fact]
    public async Task When_an_event_id_comes_back_with_a_different_hash_should_report_a_conflict_and_write_nothing()
    {
        var eventId = Guid.NewGuid();
        await _store.RecordDecisionsAsync(Batch("probation", eventId, "hash-1"), CancellationToken.None);
        var before = await ReadAllAsync();

        var result = await _store.RecordDecisionsAsync(Batch("probation", eventId, "hash-2", recipientsSuffix: "-other"), CancellationToken.None);

        result.Conflict.ShouldBeTrue();
        result.Pending.ShouldBeEmpty();
        (await ReadAllAsync()).Select(e => e.EntryId).ShouldBe(before.Select(e => e.EntryId));
    }

    [Fact]
    public async Task When_another_source_uses_the_same_event_id_should_record_it_separately()
    {
        var eventId = Guid.NewGuid();
        await _store.RecordDecisionsAsync(Batch("probation", eventId, "hash-1"), CancellationToken.None);

        var result = await _store.RecordDecisionsAsync(Batch("nhs", eventId, "hash-2"), CancellationToken.None);

        result.Conflict.ShouldBeFalse();
        result.AlreadyRecorded.ShouldBeFalse();
        result.Pending.Count.ShouldBe(2);
        (await ReadAllAsync()).Count.ShouldBe(8);
    }

    [Fact]
    public async Task When_a_rejection_is_recorded_twice_with_the_same_entry_id_should_keep_one_row()
    {
        var rejection = Rejection(Guid.NewGuid());

        await _store.RecordRejectionAsync(rejection, CancellationToken.None);
        await _store.RecordRejectionAsync(rejection with { RecordedAt = At.AddMinutes(5), Reasons = ["malformed", "second attempt"] }, CancellationToken.None);
        await _store.RecordRejectionAsync(Rejection(Guid.NewGuid()), CancellationToken.None);

        var rows = await ReadAllAsync();
        rows.Count.ShouldBe(2);
        var kept = rows.Single(r => r.EntryId == rejection.EntryId);
        kept.Reasons.ShouldBe(rejection.Reasons);
        kept.RecordedAt.ShouldBe(rejection.RecordedAt);
    }

    [Fact]
    public async Task When_entries_are_read_back_should_return_every_column_as_written()
    {
        var batch = Batch("probation", Guid.NewGuid(), "hash-1");
        var rejection = Rejection(Guid.NewGuid());
        await _store.RecordDecisionsAsync(batch, CancellationToken.None);
        await _store.RecordRejectionAsync(rejection, CancellationToken.None);

        var rows = await ReadAllAsync();

        rows.Select(r => r.Sequence).ShouldBe([1, 2, 3, 4, 5]);
        LedgerEntry[] written = [.. batch.Entries, rejection];
        for (var i = 0; i < written.Length; i++)
        {
            Comparable(rows[i]).ShouldBe(Comparable(written[i]));
        }
    }

    [Fact]
    public async Task When_reading_after_a_sequence_should_return_the_following_rows_in_order_up_to_the_limit()
    {
        await _store.RecordDecisionsAsync(Batch("probation", Guid.NewGuid(), "hash-1"), CancellationToken.None);
        await _store.RecordDecisionsAsync(Batch("probation", Guid.NewGuid(), "hash-2"), CancellationToken.None);

        var page = await _store.ReadAsync(afterSequence: 2, limit: 3, CancellationToken.None);

        page.Select(r => r.Sequence).ShouldBe([3, 4, 5]);
        (await _store.ReadAsync(afterSequence: 8, limit: 10, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task When_the_ledger_file_is_opened_again_should_keep_its_rows_and_its_idempotency()
    {
        var batch = Batch("probation", Guid.NewGuid(), "hash-1");
        await _store.RecordDecisionsAsync(batch, CancellationToken.None);
        using var reopened = new SqliteLedgerStore(LedgerPath);

        await reopened.InitializeAsync(CancellationToken.None);
        var again = await reopened.RecordDecisionsAsync(batch, CancellationToken.None);

        again.AlreadyRecorded.ShouldBeTrue();
        (await reopened.ReadAsync(0, 100, CancellationToken.None)).Count.ShouldBe(batch.Entries.Count);
    }

    private Task<IReadOnlyList<LedgerEntry>> ReadAllAsync() => _store.ReadAsync(0, 1000, CancellationToken.None);

    /// <summary>Four decisions (police and jcp allowed, nhs and council denied) and the two deliveries.</summary>
    private static DecisionBatch Batch(string source, Guid eventId, string contentHash, string recipientsSuffix = "")
    {
        var entries = new List<LedgerEntry>();
        var deliveries = new List<OutboxDelivery>();
        foreach (var (recipient, allowed) in new[] { ("police", true), ("jcp", true), ("nhs", false), ("council", false) })
        {
            Guid? deliveryId = allowed ? Guid.NewGuid() : null;
            entries.Add(new LedgerEntry
            {
                EntryId = Guid.NewGuid(),
                RecordedAt = At,
                Kind = LedgerEntryKind.Decision,
                Outcome = allowed ? LedgerOutcome.Allowed : LedgerOutcome.Denied,
                Source = source,
                EventId = eventId,
                EventType = "custody.release.scheduled",
                Recipient = recipient + recipientsSuffix,
                AgreementId = allowed ? "DSA-T01" : null,
                AgreementVersion = allowed ? 3 : null,
                FlowId = allowed ? "F1" : null,
                Purpose = allowed ? "offender-management" : null,
                LawfulBasis = allowed ? "Art 6(1)(e)" : null,
                LegalGateway = "ORA2014-s7",
                ReleasedFields = allowed ? ["releaseDate", "subject.pncId"] : [],
                WithheldFields = allowed ? ["subject.nhsNumber"] : ["releaseDate", "subject.nhsNumber", "subject.pncId"],
                Reasons = [allowed ? "permitted by DSA-T01@3 flow F1" : "no agreement"],
                DeliveryId = deliveryId,
                SubjectPseudonyms = ["nhs:0123456789abcdef0123456789abcdef"],
                AgreementSetHash = "sha256:00112233aabbccdd",
                TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
                MessageId = Guid.NewGuid().ToString(),
                SubjectKeyId = "0011223344556677",
                CollectionPurpose = "offender-management",
                EventFacts = ["cohortTier=\"mappa\""],
            });
            if (deliveryId is { } id)
            {
                deliveries.Add(new OutboxDelivery(id, recipient, $$"""{"deliveryId":"{{id}}","recipient":"{{recipient}}"}"""));
            }
        }

        return new DecisionBatch(source, eventId, contentHash, At, entries, deliveries);
    }

    private static LedgerEntry Rejection(Guid entryId) => new()
    {
        EntryId = entryId,
        RecordedAt = At,
        Kind = LedgerEntryKind.Rejection,
        Outcome = LedgerOutcome.Rejected,
        Source = "police",
        Reasons = ["forged-source", "event claims source 'probation'"],
        MessageId = Guid.NewGuid().ToString(),
    };

    /// <summary>Lists compared by content, the sequence (assigned by the store) left out.</summary>
    private static string Comparable(LedgerEntry entry) =>
        System.Text.Json.JsonSerializer.Serialize(entry with { Sequence = 0 });
}
