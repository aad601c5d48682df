namespace Hub.Router.Consent.Postgres;

/// <summary>Withdrawals kept in the Postgres consent store until their consent is recorded.</summary>
public sealed partial class PostgresConsentStore
{
    public async Task KeepEarlyWithdrawalAsync(EarlyWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO consent_early_withdrawals (consent_id, event_id, source, subject_pseudonyms, stated_at, kept_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (consent_id, event_id) DO NOTHING
            """);
        command.Parameters.Add(new() { Value = withdrawal.ConsentId });
        command.Parameters.Add(new() { Value = withdrawal.EventId });
        command.Parameters.Add(new() { Value = withdrawal.Source });
        command.Parameters.Add(new() { Value = withdrawal.SubjectPseudonyms.ToArray() });
        command.Parameters.Add(new() { Value = withdrawal.StatedAt });
        command.Parameters.Add(new() { Value = withdrawal.KeptAt });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EarlyWithdrawal>> EarlyWithdrawalsAsync(string consentId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT consent_id, source, subject_pseudonyms, stated_at, event_id, kept_at
            FROM consent_early_withdrawals WHERE consent_id = $1 ORDER BY kept_at, event_id
            """);
        command.Parameters.Add(new() { Value = consentId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var kept = new List<EarlyWithdrawal>();
        while (await reader.ReadAsync(cancellationToken))
        {
            kept.Add(new EarlyWithdrawal(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetFieldValue<string[]>(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetGuid(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return kept;
    }
}
