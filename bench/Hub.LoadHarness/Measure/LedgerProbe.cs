using Npgsql;

namespace Hub.LoadHarness.Measure;

/// <summary>What the router's ledger says about a phase's events: how many it decided, rejected, and the deliveries it queued.</summary>
public sealed class LedgerProbe(string ledger) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(ledger);

    public async Task<LedgerProgress> ProgressAsync(Guid[] events, CancellationToken cancellationToken)
    {
        long decided;
        long rejected;
        await using (var command = _dataSource.CreateCommand(
            """
            SELECT count(DISTINCT event_id) FILTER (WHERE kind = 'decision'), count(*) FILTER (WHERE kind = 'rejection')
            FROM ledger_entries WHERE event_id = ANY($1)
            """))
        {
            command.Parameters.Add(new() { Value = events });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (decided, rejected) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var deliveries = new HashSet<Guid>();
        await using (var command = _dataSource.CreateCommand("SELECT delivery_id FROM outbox_deliveries WHERE event_id = ANY($1)"))
        {
            command.Parameters.Add(new() { Value = events });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                deliveries.Add(reader.GetGuid(0));
            }
        }

        return new LedgerProgress(decided, rejected, deliveries);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
