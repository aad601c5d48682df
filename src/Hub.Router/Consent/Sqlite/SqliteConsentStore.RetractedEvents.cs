using System.Text.Json;
using Hub.Router.Retractions;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Consent.Sqlite;

/// <summary>The retraction register in the embedded ledger file (table <c>retracted_events</c>, docs/adr/0020).</summary>
public sealed partial class SqliteConsentStore : IRetractionRegister
{
    public async Task RecordRetractedAsync(IReadOnlyList<RetractedEvent> retracted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retracted);
        await using var connection = await OpenAsync(cancellationToken);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            foreach (var r in retracted)
            {
                await using var insert = Command(connection, transaction, """
                    INSERT OR IGNORE INTO retracted_events (source, event_id, event_type, retraction_id, reason, retracted_at, recorded_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    """);
                Bind(insert, r.Source, r.EventId.ToString(), r.EventType, r.RetractionId.ToString(), r.Reason, Time(r.RetractedAt), Time(r.RecordedAt));
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<IReadOnlyList<RetractedEvent>> FindRetractedAsync(IReadOnlyCollection<(string Source, Guid EventId)> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT x.source, x.event_id, x.event_type, x.retraction_id, x.reason, x.retracted_at, x.recorded_at
            FROM json_each($1) k
            JOIN retracted_events x ON x.source = json_extract(k.value, '$[0]') AND x.event_id = json_extract(k.value, '$[1]')
            ORDER BY x.recorded_at, x.retraction_id
            """);
        Bind(command, JsonSerializer.Serialize(events.Select(e => new[] { e.Source, e.EventId.ToString() })));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<RetractedEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new RetractedEvent
            {
                Source = reader.GetString(0),
                EventId = Guid.Parse(reader.GetString(1)),
                EventType = reader.GetString(2),
                RetractionId = Guid.Parse(reader.GetString(3)),
                Reason = reader.GetString(4),
                RetractedAt = ParseTime(reader.GetString(5)),
                RecordedAt = ParseTime(reader.GetString(6)),
            });
        }

        return found;
    }
}
