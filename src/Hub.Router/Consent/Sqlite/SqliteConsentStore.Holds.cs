using Hub.Router.Consent.Holding;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Consent.Sqlite;

/// <summary>The consent hold half of the embedded consent store: events held for a consent not yet recorded (docs/adr/0018).</summary>
public sealed partial class SqliteConsentStore : IHeldEventStore
{
    private const string HeldColumns = "h.source, h.event_id, h.event_type, h.consent_ref, h.content_hash, h.message_id, h.body, h.arrived_at, h.release_at";
    private const string ConsentRecorded = "SELECT 1 FROM consent_records c WHERE c.consent_id = h.consent_ref";
    private const string Retracted = "SELECT 1 FROM retracted_events x WHERE x.source = h.source AND x.event_id = h.event_id AND x.event_type = h.event_type";

    public async Task<bool> HoldAsync(HeldEvent held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            INSERT OR IGNORE INTO consent_held_events (source, event_id, event_type, consent_ref, content_hash, message_id, body, arrived_at, release_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """);
        Bind(command, held.Source, held.EventId.ToString(), held.EventType, held.ConsentRef, held.ContentHash, held.MessageId, held.Body, Time(held.ArrivedAt), Time(held.ReleaseAt));
        return await WriteAsync(command, cancellationToken) == 1;
    }

    public async Task<HeldEvent?> FindHeldAsync(string source, Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {HeldColumns}, 0, 0 FROM consent_held_events h WHERE h.source = $1 AND h.event_id = $2");
        Bind(command, source, eventId.ToString());
        return (await ReadHeldAsync(command, cancellationToken)).SingleOrDefault()?.Event;
    }

    public async Task<IReadOnlyList<DueHeldEvent>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"""
            SELECT {HeldColumns}, EXISTS ({ConsentRecorded}), EXISTS ({Retracted})
            FROM consent_held_events h
            WHERE h.release_at <= $1 OR EXISTS ({ConsentRecorded}) OR EXISTS ({Retracted})
            ORDER BY h.release_at, h.source, h.event_id
            LIMIT $2
            """);
        Bind(command, Time(now), limit);
        return await ReadHeldAsync(command, cancellationToken);
    }

    public async Task ForgetAsync(string source, Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "DELETE FROM consent_held_events WHERE source = $1 AND event_id = $2");
        Bind(command, source, eventId.ToString());
        await WriteAsync(command, cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT count(*) FROM consent_held_events");
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<IReadOnlyList<DueHeldEvent>> ReadHeldAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var held = new List<DueHeldEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add(new DueHeldEvent(
                new HeldEvent
                {
                    Source = reader.GetString(0),
                    EventId = Guid.Parse(reader.GetString(1)),
                    EventType = reader.GetString(2),
                    ConsentRef = reader.GetString(3),
                    ContentHash = reader.GetString(4),
                    MessageId = reader.IsDBNull(5) ? null : reader.GetString(5),
                    Body = reader.GetString(6),
                    ArrivedAt = ParseTime(reader.GetString(7)),
                    ReleaseAt = ParseTime(reader.GetString(8)),
                },
                reader.GetInt64(9) != 0,
                reader.GetInt64(10) != 0));
        }

        return held;
    }
}
