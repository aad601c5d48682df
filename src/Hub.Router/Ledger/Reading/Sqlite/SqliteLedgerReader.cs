using Hub.Router.Consent.Sqlite;
using Hub.Router.Ledger.Sqlite;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Router.Recalls;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Ledger.Reading.Sqlite;

/// <summary>
/// The audit reads against the embedded ledger file, read-only. The row stream is one statement stepped row by row.
/// Subject look-ups go through <c>ledger_subjects</c>, which triggers keep in step with the ledger inside the inserting
/// transaction (see <c>SqliteSubjectIndexSchema</c>).
/// </summary>
public sealed class SqliteLedgerReader(string path) : ILedgerReader
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString();

    public async IAsyncEnumerable<LedgerEntry> RowsAfterAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteLedgerQueries.RowsAfter;
        command.Parameters.AddWithValue("$after", afterSequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return SqliteLedgerValues.ReadEntry(reader);
        }
    }

    public async IAsyncEnumerable<DigestedDelivery> DigestedDeliveriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = OutboxDigestQuery.Sqlite;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new DigestedDelivery(reader.GetGuid(0), reader.GetString(1), reader.GetString(2));
        }
    }

    public async Task<IReadOnlyList<LedgerEntry>> SubjectDecisionsAsync(IReadOnlyCollection<string> pseudonyms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pseudonyms);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = await HasSubjectIndexAsync(connection, cancellationToken) ? SqliteLedgerQueries.SubjectDecisions : SqliteLedgerQueries.SubjectDecisionsWithoutIndex;
        command.Parameters.AddWithValue("$pseudonyms", JsonSerializer.Serialize(pseudonyms));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LedgerEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(SqliteLedgerValues.ReadEntry(reader));
        }

        return rows;
    }

    public async Task<IReadOnlyList<string>> SubjectKeyIdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SubjectKeyIdQuery.Sql;
        var ids = new List<string>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }
        catch (SqliteException ex) when (ex.Message.Contains("no such column", StringComparison.Ordinal))
        {
            // A ledger file no router of this version has opened yet: no row records its key id.
            return [];
        }

        return ids;
    }

    public async Task<IReadOnlyList<RecallNotice>> RecallsOfDeliveriesAsync(IReadOnlyCollection<Guid> deliveryIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        if (deliveryIds.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteLedgerQueries.RecallsOfDeliveries;
        command.Parameters.AddWithValue("$deliveries", JsonSerializer.Serialize(deliveryIds.Select(id => id.ToString())));
        try
        {
            return await SqliteConsentStore.ReadRecallsAsync(command, cancellationToken);
        }
        catch (SqliteException ex) when (ex.Message.Contains("no such table", StringComparison.Ordinal))
        {
            // A ledger file from before the consent registry: nothing was ever recalled.
            return [];
        }
    }

    private static async Task<bool> HasSubjectIndexAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var probe = connection.CreateCommand();
        probe.CommandText = SqliteLedgerQueries.HasSubjectIndex;
        return (long)(await probe.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
