using System.Globalization;
using System.Text.Json;
using Hub.Router.Recalls;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Consent.Sqlite;

/// <summary>
/// The consent registry in the embedded ledger file, and beside it the recall store (SqliteConsentStore.Recalls.cs), the
/// retraction register (.RetractedEvents.cs) and the consent hold (.Holds.cs), all writing through one writer gate.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The write semaphore is deliberately never disposed: see _writer.")]
public sealed partial class SqliteConsentStore(string path) : IConsentStore
{
    private const string RecordColumns = """
        c.consent_id, c.recorded_by, c.purposes, c.recipients, c.agreement_id, c.given_at, c.expires_at, c.evidence_ref,
        c.subject_pseudonyms, c.event_id, c.registered_at, c.content_hash,
        w.effective_at, w.stated_at, w.event_id, w.registered_at
        """;

    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
    // Never disposed: a container disposing the store while the bus still stops would strand writers waiting on it
    // (Release on a disposed semaphore throws and wakes nobody). It holds no wait handle unless one is asked for.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await SqliteRecallMigration.ApplyAsync(connection, cancellationToken);
        await using var command = Command(connection, null, SqliteConsentSchema.Sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ConsentRegistration> RecordAsync(ConsentRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        int inserted;
        await using (var connection = await OpenAsync(cancellationToken))
        {
            await using var command = Command(connection, null, """
                INSERT OR IGNORE INTO consent_records (consent_id, recorded_by, purposes, recipients, agreement_id, given_at, expires_at,
                                                       evidence_ref, subject_pseudonyms, event_id, registered_at, content_hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                """);
            Bind(command, record.ConsentId, record.RecordedBy, Json(record.Purposes), Json(record.Recipients), record.AgreementId, Time(record.GivenAt),
                record.ExpiresAt is { } expires ? Time(expires) : null, record.EvidenceRef, Json(record.SubjectPseudonyms), record.EventId.ToString(), Time(record.RegisteredAt), record.ContentHash);
            inserted = await WriteAsync(command, cancellationToken);
        }

        if (inserted == 1)
        {
            return ConsentRegistration.Recorded;
        }

        var existing = await this.FindAsync(record.ConsentId, cancellationToken);
        return existing is not null && existing.ContentHash == record.ContentHash && existing.RecordedBy == record.RecordedBy
            ? ConsentRegistration.AlreadyRecorded
            : ConsentRegistration.Conflict;
    }

    public async Task<IReadOnlyDictionary<string, ConsentRecord>> FindManyAsync(IReadOnlyCollection<string> consentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consentIds);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {RecordColumns} FROM consent_records c LEFT JOIN consent_withdrawals w USING (consent_id) WHERE c.consent_id IN (SELECT value FROM json_each($1))");
        Bind(command, Json(consentIds.ToArray()));
        return (await ReadRecordsAsync(command, cancellationToken)).ToDictionary(r => r.ConsentId, StringComparer.Ordinal);
    }

    public async Task WithdrawAsync(ConsentWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "INSERT OR IGNORE INTO consent_withdrawals (consent_id, effective_at, stated_at, event_id, registered_at) VALUES ($1, $2, $3, $4, $5)");
        Bind(command, withdrawal.ConsentId, Time(withdrawal.EffectiveAt), Time(withdrawal.StatedAt), withdrawal.EventId.ToString(), Time(withdrawal.RegisteredAt));
        await WriteAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ConsentRecord>> ForSubjectAsync(IReadOnlyCollection<string> pseudonyms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pseudonyms);
        await using var connection = await OpenAsync(cancellationToken);
        await using var probe = Command(connection, null, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'consent_subjects'");
        var indexed = (long)(await probe.ExecuteScalarAsync(cancellationToken))! > 0;

        // Through the subject index; a file no router has opened since it was added can only be scanned.
        await using var command = Command(connection, null, indexed
            ? $"""
                SELECT {RecordColumns} FROM consent_records c LEFT JOIN consent_withdrawals w USING (consent_id)
                WHERE c.consent_id IN (SELECT s.consent_id FROM consent_subjects s WHERE s.pseudonym IN (SELECT value FROM json_each($1)))
                ORDER BY c.given_at, c.consent_id
                """
            : $"""
                SELECT {RecordColumns} FROM consent_records c LEFT JOIN consent_withdrawals w USING (consent_id)
                WHERE EXISTS (SELECT 1 FROM json_each(c.subject_pseudonyms) s WHERE s.value IN (SELECT value FROM json_each($1)))
                ORDER BY c.given_at, c.consent_id
                """);
        Bind(command, Json(pseudonyms));
        return await ReadRecordsAsync(command, cancellationToken);
    }


    private static async Task<IReadOnlyList<ConsentRecord>> ReadRecordsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<ConsentRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var consentId = reader.GetString(0);
            records.Add(new ConsentRecord
            {
                ConsentId = consentId,
                RecordedBy = reader.GetString(1),
                Purposes = List(reader.GetString(2)),
                Recipients = List(reader.GetString(3)),
                AgreementId = reader.IsDBNull(4) ? null : reader.GetString(4),
                GivenAt = ParseTime(reader.GetString(5)),
                ExpiresAt = reader.IsDBNull(6) ? null : ParseTime(reader.GetString(6)),
                EvidenceRef = reader.GetString(7),
                SubjectPseudonyms = List(reader.GetString(8)),
                EventId = Guid.Parse(reader.GetString(9)),
                RegisteredAt = ParseTime(reader.GetString(10)),
                ContentHash = reader.GetString(11),
                Withdrawal = reader.IsDBNull(12) ? null : new ConsentWithdrawal(
                    consentId, ParseTime(reader.GetString(12)), ParseTime(reader.GetString(13)), Guid.Parse(reader.GetString(14)), ParseTime(reader.GetString(15))),
            });
        }

        return records;
    }

    private async Task<int> WriteAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // SQL text is constant; values are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", values[i] ?? DBNull.Value);
        }
    }

    private static string Json<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values);

    private static string[] List(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
