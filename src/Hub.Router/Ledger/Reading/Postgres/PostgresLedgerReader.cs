using Hub.Router.Consent.Postgres;
using Hub.Router.Ledger.Postgres;
using System.Runtime.CompilerServices;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Router.Recalls;
using Npgsql;

namespace Hub.Router.Ledger.Reading.Postgres;

/// <summary>
/// The audit reads against Postgres. The row stream reads the ledger in seq ranges of <paramref name="pageSize"/> rows,
/// each one query whose rows are consumed from the socket as the server sends them (Npgsql never buffers a result
/// set), so memory stays at one row plus the caller's own, whatever the ledger's size.
/// </summary>
public sealed class PostgresLedgerReader(NpgsqlDataSource dataSource, int pageSize = PostgresLedgerReader.DefaultPageSize) : ILedgerReader, IEncodedLedgerRowSource
{
    public const int DefaultPageSize = 100_000;

    public IAsyncEnumerable<LedgerEntry> RowsAfterAsync(long afterSequence, CancellationToken cancellationToken) =>
        PagesAsync(afterSequence, PostgresLedgerValues.ReadEntry, e => e.Sequence, cancellationToken);

    /// <summary>The same rows, canonically encoded from their wire bytes (the verifier's fast path).</summary>
    public IAsyncEnumerable<EncodedLedgerRow> EncodedRowsAfterAsync(long afterSequence, CancellationToken cancellationToken) =>
        PagesAsync(afterSequence, new PostgresRowEncoder().Encode, e => e.Sequence, cancellationToken);

    private async IAsyncEnumerable<T> PagesAsync<T>(long afterSequence, Func<NpgsqlDataReader, T> read, Func<T, long> sequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = afterSequence;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        while (true)
        {
            await using var command = new NpgsqlCommand(PostgresLedgerQueries.RowsAfter, connection);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
            var count = 0;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = read(reader);
                    count++;
                    after = sequence(row);
                    yield return row;
                }
            }

            if (count < pageSize)
            {
                yield break;
            }
        }
    }

    public async IAsyncEnumerable<DigestedDelivery> DigestedDeliveriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(OutboxDigestQuery.Postgres);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new DigestedDelivery(reader.GetGuid(0), reader.GetString(1), reader.GetString(2));
        }
    }

    public async Task<IReadOnlyList<LedgerEntry>> SubjectDecisionsAsync(IReadOnlyCollection<string> pseudonyms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pseudonyms);
        await using var command = dataSource.CreateCommand(PostgresLedgerQueries.SubjectDecisions);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. pseudonyms] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LedgerEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(PostgresLedgerValues.ReadEntry(reader));
        }

        return rows;
    }

    public async Task<IReadOnlyList<string>> SubjectKeyIdsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SubjectKeyIdQuery.Sql);
        var ids = new List<string>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedColumn)
        {
            // A ledger no router of this version has opened yet: no row records its key id.
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

        await using var command = dataSource.CreateCommand(PostgresLedgerQueries.RecallsOfDeliveries);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. deliveryIds] });
        try
        {
            return await PostgresConsentStore.ReadRecallsAsync(command, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // A ledger from before the consent registry: nothing was ever recalled.
            return [];
        }
    }
}
