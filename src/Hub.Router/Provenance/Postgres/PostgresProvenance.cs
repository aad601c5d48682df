using Npgsql;

namespace Hub.Router.Provenance.Postgres;

/// <summary>Provenance marks in Postgres: written inside the group commit, read by fingerprint.</summary>
internal static class PostgresProvenance
{
    /// <summary>Inserts marks in key order (two routers cannot deadlock); a mark already held keeps its first origin.</summary>
    public static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ProvenanceMark> marks, CancellationToken cancellationToken)
    {
        var ordered = marks
            .DistinctBy(m => (m.Fingerprint, m.Gateway, m.OriginPurpose))
            .OrderBy(m => m.Fingerprint, StringComparer.Ordinal).ThenBy(m => m.Gateway, StringComparer.Ordinal).ThenBy(m => m.OriginPurpose, StringComparer.Ordinal)
            .ToList();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO provenance_marks (fingerprint, gateway, origin_purpose, origin_source, marked_by_event, origin_field, obtained_at)
            SELECT f, g, p, s, e, d, t FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::timestamptz[])
                WITH ORDINALITY AS m(f, g, p, s, e, d, t, n)
            ORDER BY n
            ON CONFLICT DO NOTHING
            """, connection, transaction);
        command.Parameters.Add(new() { Value = ordered.Select(m => m.Fingerprint).ToArray() });
        command.Parameters.Add(new() { Value = ordered.Select(m => m.Gateway).ToArray() });
        command.Parameters.Add(new() { Value = ordered.Select(m => m.OriginPurpose).ToArray() });
        command.Parameters.Add(new() { Value = ordered.Select(m => m.OriginSource).ToArray() });
        command.Parameters.Add(new() { Value = ordered.Select(m => m.MarkedByEvent).ToArray() });
        command.Parameters.Add(new() { Value = ordered.Select(m => m.OriginField).ToArray() });
        command.Parameters.Add(new() { Value = ordered.Select(m => m.ObtainedAt).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<ProvenanceMark>> FindAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT fingerprint, gateway, origin_purpose, origin_source, marked_by_event, origin_field, obtained_at
            FROM provenance_marks WHERE fingerprint = ANY($1) ORDER BY fingerprint, obtained_at
            """);
        command.Parameters.Add(new() { Value = fingerprints.ToArray() });
        var found = new List<ProvenanceMark>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new ProvenanceMark(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetGuid(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return found;
    }
}
