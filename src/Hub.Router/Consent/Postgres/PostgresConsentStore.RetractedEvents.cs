using Hub.Router.Retractions;
using NpgsqlTypes;

namespace Hub.Router.Consent.Postgres;

/// <summary>The retraction register in the ledger's Postgres database (table <c>retracted_events</c>, docs/adr/0020).</summary>
public sealed partial class PostgresConsentStore : IRetractionRegister
{
    public async Task RecordRetractedAsync(IReadOnlyList<RetractedEvent> retracted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retracted);
        if (retracted.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand("""
            INSERT INTO retracted_events (source, event_id, event_type, retraction_id, reason, retracted_at, recorded_at)
            SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::timestamptz[], $7::timestamptz[])
            ON CONFLICT DO NOTHING
            """);
        var p = command.Parameters;
        p.Add(new() { Value = retracted.Select(r => r.Source).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = retracted.Select(r => r.EventId).ToArray() });
        p.Add(new() { Value = retracted.Select(r => r.EventType).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = retracted.Select(r => r.RetractionId).ToArray() });
        p.Add(new() { Value = retracted.Select(r => r.Reason).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = retracted.Select(r => r.RetractedAt.ToUniversalTime()).ToArray() });
        p.Add(new() { Value = retracted.Select(r => r.RecordedAt.ToUniversalTime()).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RetractedEvent>> FindRetractedAsync(IReadOnlyCollection<(string Source, Guid EventId)> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand("""
            SELECT x.source, x.event_id, x.event_type, x.retraction_id, x.reason, x.retracted_at, x.recorded_at
            FROM retracted_events x
            JOIN unnest($1::text[], $2::uuid[]) AS k (source, event_id) ON x.source = k.source AND x.event_id = k.event_id
            ORDER BY x.recorded_at, x.retraction_id
            """);
        command.Parameters.Add(new() { Value = events.Select(e => e.Source).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = events.Select(e => e.EventId).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<RetractedEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new RetractedEvent
            {
                Source = reader.GetString(0),
                EventId = reader.GetGuid(1),
                EventType = reader.GetString(2),
                RetractionId = reader.GetGuid(3),
                Reason = reader.GetString(4),
                RetractedAt = reader.GetFieldValue<DateTimeOffset>(5),
                RecordedAt = reader.GetFieldValue<DateTimeOffset>(6),
            });
        }

        return found;
    }
}
