using Hub.Router.Recalls;
using Npgsql;
using NpgsqlTypes;

namespace Hub.Router.Consent.Postgres;

/// <summary>
/// The consent registry in the ledger's Postgres database, and beside it the recall store (PostgresConsentStore.Recalls.cs),
/// the retraction register (.RetractedEvents.cs) and the consent hold (.Holds.cs), all over the one data source.
/// </summary>
public sealed partial class PostgresConsentStore(NpgsqlDataSource dataSource) : IConsentStore
{
    private const string RecordColumns = """
        c.consent_id, c.recorded_by, c.purposes, c.recipients, c.agreement_id, c.given_at, c.expires_at, c.evidence_ref,
        c.subject_pseudonyms, c.event_id, c.registered_at, c.content_hash,
        w.effective_at, w.stated_at, w.event_id, w.registered_at
        """;

    /// <summary>
    /// Nothing to do: the registry's tables are created, with the ledger's, by the schema owner in
    /// <see cref="Ledger.Postgres.PostgresLedgerMigration"/>, which also grants the router's role INSERT and SELECT on them.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<ConsentRegistration> RecordAsync(ConsentRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO consent_records (consent_id, recorded_by, purposes, recipients, agreement_id, given_at, expires_at,
                                         evidence_ref, subject_pseudonyms, event_id, registered_at, content_hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT (consent_id) DO NOTHING
            """);
        var p = command.Parameters;
        p.Add(new() { Value = record.ConsentId });
        p.Add(new() { Value = record.RecordedBy });
        p.Add(new() { Value = record.Purposes.ToArray() });
        p.Add(new() { Value = record.Recipients.ToArray() });
        p.Add(new() { Value = (object?)record.AgreementId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new() { Value = record.GivenAt });
        p.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = record.ExpiresAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = record.EvidenceRef });
        p.Add(new() { Value = record.SubjectPseudonyms.ToArray() });
        p.Add(new() { Value = record.EventId });
        p.Add(new() { Value = record.RegisteredAt });
        p.Add(new() { Value = record.ContentHash });
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
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
        await using var command = dataSource.CreateCommand($"SELECT {RecordColumns} FROM consent_records c LEFT JOIN consent_withdrawals w USING (consent_id) WHERE c.consent_id = ANY($1)");
        command.Parameters.Add(new() { Value = consentIds.ToArray() });
        return (await ReadRecordsAsync(command, cancellationToken)).ToDictionary(r => r.ConsentId, StringComparer.Ordinal);
    }

    public async Task WithdrawAsync(ConsentWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO consent_withdrawals (consent_id, effective_at, stated_at, event_id, registered_at)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (consent_id) DO NOTHING
            """);
        command.Parameters.Add(new() { Value = withdrawal.ConsentId });
        command.Parameters.Add(new() { Value = withdrawal.EffectiveAt });
        command.Parameters.Add(new() { Value = withdrawal.StatedAt });
        command.Parameters.Add(new() { Value = withdrawal.EventId });
        command.Parameters.Add(new() { Value = withdrawal.RegisteredAt });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ConsentRecord>> ForSubjectAsync(IReadOnlyCollection<string> pseudonyms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pseudonyms);
        await using var command = dataSource.CreateCommand($"SELECT {RecordColumns} FROM consent_records c LEFT JOIN consent_withdrawals w USING (consent_id) WHERE c.subject_pseudonyms && $1 ORDER BY c.given_at, c.consent_id");
        command.Parameters.Add(new() { Value = pseudonyms.ToArray() });
        return await ReadRecordsAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<ConsentRecord>> ReadRecordsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
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
                Purposes = reader.GetFieldValue<string[]>(2),
                Recipients = reader.GetFieldValue<string[]>(3),
                AgreementId = reader.IsDBNull(4) ? null : reader.GetString(4),
                GivenAt = reader.GetFieldValue<DateTimeOffset>(5),
                ExpiresAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                EvidenceRef = reader.GetString(7),
                SubjectPseudonyms = reader.GetFieldValue<string[]>(8),
                EventId = reader.GetGuid(9),
                RegisteredAt = reader.GetFieldValue<DateTimeOffset>(10),
                ContentHash = reader.GetString(11),
                Withdrawal = reader.IsDBNull(12) ? null : new ConsentWithdrawal(
                    consentId,
                    reader.GetFieldValue<DateTimeOffset>(12),
                    reader.GetFieldValue<DateTimeOffset>(13),
                    reader.GetGuid(14),
                    reader.GetFieldValue<DateTimeOffset>(15)),
            });
        }

        return records;
    }
}
