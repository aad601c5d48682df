using Hub.Router.Consent.Sqlite;
using Hub.Router.Recalls;
using Hub.Router.Retractions;
using Microsoft.Data.Sqlite;

namespace Hub.Cli.Tests;

/// <summary>
/// The ledger <c>hub demo</c> leaves behind (AS-09: recalls after the consent withdrawal), plus a source's retraction of
/// the same person's release notice (delivered on consent and on statutory footings), registered and recalled through the router's recall
/// store as the router does it: so the file holds recalls of both causes. Shared by a test class, which only reads it.
/// </summary>
public sealed class RetractedDemoLedger : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agencyhub-recall-views-" + Guid.NewGuid().ToString("N")[..8]);

    public string LedgerPath => Path.Combine(_folder, "ledger.db");

    public Guid RetractionId { get; } = Guid.NewGuid();

    /// <summary>How many recalls the retraction opened: one per recipient of the retracted event.</summary>
    public int RetractionRecalls { get; private set; }

    /// <summary>The retracted event, its source, and one of its deliveries, made on a statutory footing.</summary>
    public (Guid EventId, string Source, string Recipient, Guid DeliveryId) Retracted { get; private set; }

    public async Task InitializeAsync()
    {
        var agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
        var (exitCode, _, errors) = await HubProcess.RunAsync("demo", "--ledger", LedgerPath, "--agreements", agreements);
        exitCode.ShouldBe(0, errors);
        Retracted = await StatutoryDeliveryAsync();
        var store = new SqliteConsentStore(LedgerPath);
        var at = TimeProvider.System.GetUtcNow();
        await store.RecordRetractedAsync(
            [new RetractedEvent { Source = Retracted.Source, EventId = Retracted.EventId, EventType = "custody.release.scheduled", RetractionId = RetractionId, Reason = "entered-in-error", RetractedAt = at, RecordedAt = at }],
            CancellationToken.None);
        var recalls = await store.SyncRecallsAsync(RecallCause.ForRetraction(RetractionId), at, CancellationToken.None);
        recalls.SelectMany(r => r.Deliveries).ShouldContain(d => d.DeliveryId == Retracted.DeliveryId);
        RetractionRecalls = recalls.Count;
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>A delivery of the AS-09 release notice made on a statutory footing (withdrawing the consent did not recall it).</summary>
    private async Task<(Guid, string, string, Guid)> StatutoryDeliveryAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = LedgerPath, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT event_id, source, recipient, delivery_id FROM ledger_entries
            WHERE outcome = 'allowed' AND footing IN ('basis', 'gateway') AND consent_ref LIKE 'C-LEW-OPTIN-%' AND event_type = 'custody.release.scheduled'
            ORDER BY seq LIMIT 1
            """;
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue("the demo shares the AS-09 release notice on a statutory basis too");
        return (Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), Guid.Parse(reader.GetString(3)));
    }
}
