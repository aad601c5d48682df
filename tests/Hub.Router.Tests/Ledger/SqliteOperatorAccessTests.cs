using Hub.Router.Ledger;
using Hub.Router.Ledger.Sqlite;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Tests.Ledger;

/// <summary>
/// Operator-access rows (docs/adr/0012) in the embedded ledger, including a ledger file made before they existed,
/// whose CHECK constraints allowed only decisions and rejections.
/// </summary>
public sealed class SqliteOperatorAccessTests : IDisposable
{
    /// <summary>The ledger table as the first releases created it.</summary>
    private const string OldLedgerTable = """
        CREATE TABLE ledger_entries (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            entry_id TEXT NOT NULL UNIQUE, recorded_at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('decision', 'rejection')),
            outcome TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied', 'rejected')),
            source TEXT NOT NULL, event_id TEXT, event_type TEXT, recipient TEXT, agreement_id TEXT, agreement_version INTEGER,
            flow_id TEXT, purpose TEXT, lawful_basis TEXT, consent_ref TEXT, legal_gateway TEXT,
            released_fields TEXT NOT NULL, withheld_fields TEXT NOT NULL, reasons TEXT NOT NULL,
            delivery_id TEXT, subject_pseudonyms TEXT NOT NULL, agreement_set_hash TEXT, trace_id TEXT, message_id TEXT);
        INSERT INTO ledger_entries (entry_id, recorded_at, kind, outcome, source, event_id, released_fields, withheld_fields, reasons, subject_pseudonyms)
        VALUES ('6f1c2b1e-0000-4000-8000-000000000001', '2026-11-20T10:00:00.0000000+00:00', 'rejection', 'rejected', 'probation',
                '6f1c2b1e-0000-4000-8000-0000000000e1', '[]', '[]', '["malformed","envelope.eventId is empty"]', '[]');
        """;

    private static readonly Guid EventId = Guid.Parse("6f1c2b1e-0000-4000-8000-0000000000e1");

    private readonly string _directory = Directory.CreateTempSubdirectory("agencyhub-sqlite-ops-").FullName;

    private string LedgerPath => Path.Combine(_directory, "ledger.db");

    [Fact]
    public async Task When_a_ledger_predates_operator_access_rows_should_widen_its_checks_and_keep_its_rows()
    {
        await using (var connection = new SqliteConnection($"Data Source={LedgerPath};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = OldLedgerTable;
            await create.ExecuteNonQueryAsync();
        }

        using var store = new SqliteLedgerStore(LedgerPath);
        await store.InitializeAsync(CancellationToken.None);
        await store.InitializeAsync(CancellationToken.None);
        await store.RecordOperatorAccessAsync(Access(), CancellationToken.None);

        var rows = await store.ReadEventAsync(EventId, CancellationToken.None);
        rows.Select(r => (r.Sequence, r.Kind, r.Outcome)).ShouldBe([(1L, LedgerEntryKind.Rejection, LedgerOutcome.Rejected), (2L, LedgerEntryKind.OperatorAccess, OperatorActions.PayloadViewed)]);
        rows[1].Reasons.ShouldBe(["operator ops-1", "queue hub.ingress.probation_error", "reason: INC-42"]);
    }

    [Fact]
    public async Task When_a_ledger_predates_the_version_3_columns_should_add_them_empty_and_list_key_ids_as_rows_gain_them()
    {
        // ADR 0019: an old row reads with no key id, purpose or facts; the key-id look-up names only ids rows recorded.
        await using (var connection = new SqliteConnection($"Data Source={LedgerPath};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = OldLedgerTable;
            await create.ExecuteNonQueryAsync();
        }

        using var store = new SqliteLedgerStore(LedgerPath);
        await store.InitializeAsync(CancellationToken.None);
        var reader = new Hub.Router.Ledger.Reading.Sqlite.SqliteLedgerReader(LedgerPath);
        (await reader.SubjectKeyIdsAsync(CancellationToken.None)).ShouldBeEmpty();
        var old = (await store.ReadEventAsync(EventId, CancellationToken.None)).ShouldHaveSingleItem();
        (old.SubjectKeyId, old.CollectionPurpose, old.EventFacts.Count).ShouldBe((null, null, 0));

        foreach (var keyId in new[] { "bbbbbbbbbbbbbbbb", "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb" })
        {
            await store.RecordRejectionAsync(old with { EntryId = Guid.NewGuid(), SubjectKeyId = keyId, EventFacts = ["cohortTier=\"iom\""] }, CancellationToken.None);
        }

        (await reader.SubjectKeyIdsAsync(CancellationToken.None)).ShouldBe(["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"]);
        (await store.ReadEventAsync(EventId, CancellationToken.None))[^1].EventFacts.ShouldBe(["cohortTier=\"iom\""]);
    }

    [Fact]
    public async Task When_a_row_is_not_an_operator_access_should_refuse_it()
    {
        using var store = new SqliteLedgerStore(LedgerPath);
        await store.InitializeAsync(CancellationToken.None);

        await Should.ThrowAsync<ArgumentException>(() => store.RecordOperatorAccessAsync(Access() with { Kind = LedgerEntryKind.Decision }, CancellationToken.None));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp ledger left behind is harmless.
        }
    }

    private static LedgerEntry Access() => new()
    {
        EntryId = Guid.NewGuid(),
        RecordedAt = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero),
        Kind = LedgerEntryKind.OperatorAccess,
        Outcome = OperatorActions.PayloadViewed,
        Source = "probation",
        EventId = EventId,
        Reasons = ["operator ops-1", "queue hub.ingress.probation_error", "reason: INC-42"],
    };
}
