using Npgsql;

namespace Hub.LoadHarness.Measure;

/// <summary>What the router's ledger says about a phase's events: how many it decided, rejected, the deliveries it queued, and any it decided twice.</summary>
public sealed class LedgerProbe(string ledger) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(ledger);

    /// <summary>Events with a decision, and rejection rows: the cheap query polled while a phase runs.</summary>
    public async Task<(long Decided, long Rejected)> DecidedAsync(Guid[] events, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT count(DISTINCT event_id) FILTER (WHERE kind = 'decision'), count(*) FILTER (WHERE kind = 'rejection')
            FROM ledger_entries WHERE event_id = ANY($1)
            """);
        command.Parameters.Add(new() { Value = events });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Delivery ids the router queued for the events (its outbox).</summary>
    public async Task<IReadOnlySet<Guid>> DeliveriesAsync(Guid[] events, CancellationToken cancellationToken)
    {
        var deliveries = new HashSet<Guid>();
        await using var command = _dataSource.CreateCommand("SELECT delivery_id FROM outbox_deliveries WHERE event_id = ANY($1)");
        command.Parameters.Add(new() { Value = events });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            deliveries.Add(reader.GetGuid(0));
        }

        return deliveries;
    }

    /// <summary>(event, recipient) pairs with more than one decision row: an event the router decided twice (e.g. redelivered after a broker restart).</summary>
    public async Task<long> DuplicateDecisionsAsync(Guid[] events, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT count(*) FROM (
                SELECT 1 FROM ledger_entries WHERE kind = 'decision' AND event_id = ANY($1)
                GROUP BY event_id, recipient HAVING count(*) > 1) twice
            """);
        command.Parameters.Add(new() { Value = events });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The chaos suite's ledger checks: allowed decisions with no delivery in the outbox (a decision that can never
    /// reach its recipient), and outbox deliveries with no committed allowed decision (a delivery the ledger does not
    /// account for).
    /// </summary>
    public async Task<(long AllowedWithoutDelivery, long DeliveryWithoutDecision)> LedgerGapsAsync(Guid[] events, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT
                (SELECT count(*) FROM ledger_entries l WHERE l.kind = 'decision' AND l.outcome = 'allowed' AND l.event_id = ANY($1)
                    AND NOT EXISTS (SELECT 1 FROM outbox_deliveries o WHERE o.event_id = l.event_id AND o.recipient = l.recipient)),
                (SELECT count(*) FROM outbox_deliveries o WHERE o.event_id = ANY($1)
                    AND NOT EXISTS (SELECT 1 FROM ledger_entries l WHERE l.kind = 'decision' AND l.outcome = 'allowed' AND l.event_id = o.event_id AND l.recipient = o.recipient))
            """);
        command.Parameters.Add(new() { Value = events });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Decision rows in the whole ledger: the chaos suite's cheap progress counter.</summary>
    public async Task<long> DecisionRowsAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM ledger_entries WHERE kind = 'decision'");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
