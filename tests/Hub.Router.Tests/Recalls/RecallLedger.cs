using Hub.Contracts.Delivery.V1;
using Hub.Router.Consent.Sqlite;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Sqlite;
using Hub.Sharing.Decisions;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Tests.Recalls;

/// <summary>An embedded ledger file in a temp folder with its consent and recall store, and allowed deliveries written as the router writes them.</summary>
internal sealed class RecallLedger : IDisposable
{
    public static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("agencyhub-recalls-").FullName;

    public RecallLedger()
    {
        Ledger = new SqliteLedgerStore(LedgerPath);
        Store = new SqliteConsentStore(LedgerPath);
    }

    public SqliteLedgerStore Ledger { get; }

    /// <summary>The consent store, which is also the recall store and the retraction register.</summary>
    public SqliteConsentStore Store { get; }

    public string LedgerPath => Path.Combine(_directory, "ledger.db");

    public async Task InitializeAsync()
    {
        await Ledger.InitializeAsync(CancellationToken.None);
        await Store.InitializeAsync(CancellationToken.None);
    }

    /// <summary>Commits one event allowed to each recipient on <paramref name="footing"/>; returns each recipient's delivery.</summary>
    public async Task<IReadOnlyDictionary<string, RecalledDelivery>> DeliverAsync(string source, string eventType, Guid eventId, IReadOnlyList<string> recipients, DecisionFooting footing = DecisionFooting.Basis, string? consentRef = null)
    {
        var deliveries = recipients.ToDictionary(r => r, r => new RecalledDelivery { DeliveryId = Guid.NewGuid(), EventId = eventId, EventType = eventType, Source = new(source) });
        var entries = recipients.Select(r => new LedgerEntry
        {
            EntryId = Guid.NewGuid(),
            RecordedAt = At,
            Kind = LedgerEntryKind.Decision,
            Outcome = LedgerOutcome.Allowed,
            Source = source,
            EventId = eventId,
            EventType = eventType,
            Recipient = r,
            AgreementId = "DSA-T01",
            AgreementVersion = 1,
            FlowId = "F1",
            Purpose = "test",
            ConsentRef = consentRef,
            Footing = footing,
            ReleasedFields = ["a"],
            Reasons = ["permitted"],
            DeliveryId = deliveries[r].DeliveryId,
        }).ToList();
        var outbox = recipients.Select(r => new OutboxDelivery(deliveries[r].DeliveryId, r, "{}")).ToList();
        await Ledger.RecordDecisionsAsync(new DecisionBatch(source, eventId, "hash-" + eventId, At, entries, outbox), CancellationToken.None);
        return deliveries;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = LedgerPath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = LedgerPath, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        Ledger.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp ledger left behind is harmless.
        }
    }
}
