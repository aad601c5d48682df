using Hub.Router.Consent.Holding;
using Npgsql;
using NpgsqlTypes;

namespace Hub.Router.Consent.Postgres;

/// <summary>The consent hold half of the Postgres consent store: events held for a consent not yet recorded (docs/adr/0018).</summary>
public sealed partial class PostgresConsentStore : IHeldEventStore
{
    private const string HeldColumns = "h.source, h.event_id, h.event_type, h.consent_ref, h.content_hash, h.message_id, h.body, h.arrived_at, h.release_at";
    private const string ConsentRecorded = "SELECT 1 FROM consent_records c WHERE c.consent_id = h.consent_ref";
    private const string Retracted = "SELECT 1 FROM retracted_events x WHERE x.source = h.source AND x.event_id = h.event_id AND x.event_type = h.event_type";

    public async Task<bool> HoldAsync(HeldEvent held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO consent_held_events (source, event_id, event_type, consent_ref, content_hash, message_id, body, arrived_at, release_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (source, event_id) DO NOTHING
            """);
        var p = command.Parameters;
        p.Add(new() { Value = held.Source });
        p.Add(new() { Value = held.EventId });
        p.Add(new() { Value = held.EventType });
        p.Add(new() { Value = held.ConsentRef });
        p.Add(new() { Value = held.ContentHash });
        p.Add(new() { Value = (object?)held.MessageId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new() { Value = held.Body });
        p.Add(new() { Value = held.ArrivedAt });
        p.Add(new() { Value = held.ReleaseAt });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<HeldEvent?> FindHeldAsync(string source, Guid eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {HeldColumns}, false, false FROM consent_held_events h WHERE h.source = $1 AND h.event_id = $2");
        command.Parameters.Add(new() { Value = source });
        command.Parameters.Add(new() { Value = eventId });
        return (await ReadHeldAsync(command, cancellationToken)).SingleOrDefault()?.Event;
    }

    public async Task<IReadOnlyList<DueHeldEvent>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {HeldColumns}, EXISTS ({ConsentRecorded}), EXISTS ({Retracted})
            FROM consent_held_events h
            WHERE h.release_at <= $1 OR EXISTS ({ConsentRecorded}) OR EXISTS ({Retracted})
            ORDER BY h.release_at, h.source, h.event_id
            LIMIT $2
            """);
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = limit });
        return await ReadHeldAsync(command, cancellationToken);
    }

    public async Task ForgetAsync(string source, Guid eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM consent_held_events WHERE source = $1 AND event_id = $2");
        command.Parameters.Add(new() { Value = source });
        command.Parameters.Add(new() { Value = eventId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*)::int FROM consent_held_events");
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<IReadOnlyList<DueHeldEvent>> ReadHeldAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var held = new List<DueHeldEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add(new DueHeldEvent(
                new HeldEvent
                {
                    Source = reader.GetString(0),
                    EventId = reader.GetGuid(1),
                    EventType = reader.GetString(2),
                    ConsentRef = reader.GetString(3),
                    ContentHash = reader.GetString(4),
                    MessageId = reader.IsDBNull(5) ? null : reader.GetString(5),
                    Body = reader.GetString(6),
                    ArrivedAt = reader.GetFieldValue<DateTimeOffset>(7),
                    ReleaseAt = reader.GetFieldValue<DateTimeOffset>(8),
                },
                reader.GetBoolean(9),
                reader.GetBoolean(10)));
        }

        return held;
    }
}
