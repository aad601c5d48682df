namespace Hub.Router.Consent.Sqlite;

/// <summary>Withdrawals kept in the embedded consent store until their consent is recorded.</summary>
public sealed partial class SqliteConsentStore
{
    public async Task KeepEarlyWithdrawalAsync(EarlyWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            INSERT OR IGNORE INTO consent_early_withdrawals (consent_id, event_id, source, subject_pseudonyms, stated_at, kept_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            """);
        Bind(command, withdrawal.ConsentId, withdrawal.EventId.ToString(), withdrawal.Source, Json(withdrawal.SubjectPseudonyms), Time(withdrawal.StatedAt), Time(withdrawal.KeptAt));
        await WriteAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<EarlyWithdrawal>> EarlyWithdrawalsAsync(string consentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT consent_id, source, subject_pseudonyms, stated_at, event_id, kept_at
            FROM consent_early_withdrawals WHERE consent_id = $1 ORDER BY kept_at, event_id
            """);
        Bind(command, consentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var kept = new List<EarlyWithdrawal>();
        while (await reader.ReadAsync(cancellationToken))
        {
            kept.Add(new EarlyWithdrawal(reader.GetString(0), reader.GetString(1), List(reader.GetString(2)), ParseTime(reader.GetString(3)), Guid.Parse(reader.GetString(4)), ParseTime(reader.GetString(5))));
        }

        return kept;
    }
}
