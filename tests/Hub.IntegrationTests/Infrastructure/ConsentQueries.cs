using Npgsql;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>Reads the consent registry, recall tables and decision footings directly with SQL.</summary>
public static class ConsentQueries
{
    public static async Task<bool> IsRegisteredAsync(string connectionString, string consentId, bool withdrawn = false)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(withdrawn
            ? "SELECT count(*) FROM consent_withdrawals WHERE consent_id = $1"
            : "SELECT count(*) FROM consent_records WHERE consent_id = $1");
        command.Parameters.Add(new() { Value = consentId });
        try
        {
            return (long)(await command.ExecuteScalarAsync())! == 1;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }

    /// <summary>(recipient, delivery id, acknowledged) for every delivery a recall after the consent's withdrawal names.</summary>
    public static async Task<IReadOnlyList<(string Recipient, Guid DeliveryId, bool Acknowledged)>> RecallsAsync(string connectionString, string consentId)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT r.recipient, d.delivery_id, a.recall_id IS NOT NULL
            FROM recalls r JOIN recall_deliveries d USING (recall_id) LEFT JOIN recall_acknowledgements a USING (recall_id)
            WHERE r.cause = 'consent-withdrawal' AND r.cause_ref = $1 ORDER BY r.recipient
            """);
        command.Parameters.Add(new() { Value = consentId });
        var rows = new List<(string, Guid, bool)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetGuid(1), reader.GetBoolean(2)));
        }

        return rows;
    }

    /// <summary>(recipient, delivery id, acknowledged) for every delivery a source's retraction recalled (docs/adr/0020).</summary>
    public static async Task<IReadOnlyList<(string Recipient, Guid DeliveryId, bool Acknowledged)>> RetractionRecallsAsync(string connectionString, Guid retractionId)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT r.recipient, d.delivery_id, a.recall_id IS NOT NULL
            FROM recalls r JOIN recall_deliveries d USING (recall_id) LEFT JOIN recall_acknowledgements a USING (recall_id)
            WHERE r.cause = 'retraction' AND r.cause_ref = $1 ORDER BY r.recipient
            """);
        command.Parameters.Add(new() { Value = retractionId.ToString() });
        var rows = new List<(string, Guid, bool)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetGuid(1), reader.GetBoolean(2)));
        }

        return rows;
    }

    /// <summary>How many retractions name this event id in the retraction register (docs/adr/0020).</summary>
    public static async Task<long> RetractionsOfAsync(string connectionString, Guid eventId)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM retracted_events WHERE event_id = $1");
        command.Parameters.Add(new() { Value = eventId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>(recipient, outcome, footing, reasons) of one event's decisions.</summary>
    public static async Task<IReadOnlyList<(string Recipient, string Outcome, string? Footing, string[] Reasons)>> DecisionsAsync(string connectionString, Guid eventId)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT recipient, outcome, footing, reasons FROM ledger_entries WHERE event_id = $1 AND kind = 'decision' ORDER BY recipient");
        command.Parameters.Add(new() { Value = eventId });
        var rows = new List<(string, string, string?, string[])>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<string[]>(3)));
        }

        return rows;
    }

    /// <summary>How many rows a table of the consent registry holds (e.g. <c>consent_held_events</c>, <c>consent_early_withdrawals</c>); 0 before it exists.</summary>
    public static async Task<long> CountAsync(string connectionString, string table)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
#pragma warning disable CA2100 // The table name is the test's own constant.
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {table}");
#pragma warning restore CA2100
        try
        {
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    /// <summary>(effective, stated) instants of the consent's withdrawal, or null when it is not withdrawn.</summary>
    public static async Task<(DateTimeOffset EffectiveAt, DateTimeOffset StatedAt)?> WithdrawalAsync(string connectionString, string consentId)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT effective_at, stated_at FROM consent_withdrawals WHERE consent_id = $1");
        command.Parameters.Add(new() { Value = consentId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1)) : null;
    }
}
