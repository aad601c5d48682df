using Hub.Router.Ledger.Sqlite;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Provenance.Sqlite;

/// <summary>Provenance marks in the embedded run's SQLite ledger: written inside the group commit, read by fingerprint.</summary>
internal static class SqliteProvenance
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS provenance_marks (
            fingerprint TEXT NOT NULL, gateway TEXT NOT NULL, origin_purpose TEXT NOT NULL, origin_source TEXT NOT NULL,
            marked_by_event TEXT NOT NULL, origin_field TEXT NOT NULL, obtained_at TEXT NOT NULL,
            PRIMARY KEY (fingerprint, gateway, origin_purpose));
        """;

    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<ProvenanceMark> marks, CancellationToken cancellationToken)
    {
        foreach (var mark in marks)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT OR IGNORE INTO provenance_marks (fingerprint, gateway, origin_purpose, origin_source, marked_by_event, origin_field, obtained_at)
                VALUES ($f, $g, $p, $s, $e, $d, $t)
                """;
            command.Parameters.AddWithValue("$f", mark.Fingerprint);
            command.Parameters.AddWithValue("$g", mark.Gateway);
            command.Parameters.AddWithValue("$p", mark.OriginPurpose);
            command.Parameters.AddWithValue("$s", mark.OriginSource);
            command.Parameters.AddWithValue("$e", mark.MarkedByEvent.ToString());
            command.Parameters.AddWithValue("$d", mark.OriginField);
            command.Parameters.AddWithValue("$t", SqliteLedgerValues.Store(mark.ObtainedAt));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task<IReadOnlyList<ProvenanceMark>> FindAsync(SqliteConnection connection, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        var found = new List<ProvenanceMark>();
        foreach (var chunk in fingerprints.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            await using var command = connection.CreateCommand();
            var names = chunk.Select((_, i) => $"$f{i}").ToArray();
            command.CommandText = $"""
                SELECT fingerprint, gateway, origin_purpose, origin_source, marked_by_event, origin_field, obtained_at
                FROM provenance_marks WHERE fingerprint IN ({string.Join(", ", names)}) ORDER BY fingerprint, obtained_at
                """;
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Parameters.AddWithValue(names[i], chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(new ProvenanceMark(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Guid.Parse(reader.GetString(4)), reader.GetString(5), SqliteLedgerValues.Timestamp(reader.GetString(6))));
            }
        }

        return found;
    }
}
