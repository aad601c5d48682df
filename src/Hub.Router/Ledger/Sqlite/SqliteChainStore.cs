using System.Data.Common;
using System.Globalization;
using Hub.Router.Ledger.Chain;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Ledger.Sqlite;

/// <summary>Seals and pruning records in the embedded ledger file. Reads treat missing tables (an older ledger file) as empty.</summary>
public sealed class SqliteChainStore(string path) : ILedgerChainStore
{

    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    public async Task<LedgerSeal?> LastSealAsync(CancellationToken cancellationToken) =>
        (await SealsAsync($"SELECT {ChainRecords.SealColumns} FROM ledger_seals ORDER BY seal_no DESC LIMIT 1", [], cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<LedgerSeal>> ReadSealsAsync(long afterNumber, int limit, CancellationToken cancellationToken) =>
        SealsAsync($"SELECT {ChainRecords.SealColumns} FROM ledger_seals WHERE seal_no > $1 ORDER BY seal_no LIMIT $2", [afterNumber, limit], cancellationToken);

    public async Task<LedgerSeal?> ReadSealAsync(long number, CancellationToken cancellationToken) =>
        (await SealsAsync($"SELECT {ChainRecords.SealColumns} FROM ledger_seals WHERE seal_no = $1", [number], cancellationToken)).SingleOrDefault();

    public async Task AppendSealAsync(LedgerSeal seal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seal);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            $"INSERT INTO ledger_seals ({ChainRecords.SealColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            seal.Number, seal.FirstSequence, seal.LastSequence, seal.RowCount, seal.EncodingVersion, seal.PreviousHash, seal.ChainHash, seal.ContentDigest, Text(seal.SealedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<LedgerPrune?> LastPruneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {ChainRecords.PruneColumns} FROM ledger_prunes ORDER BY prune_no DESC LIMIT 1");
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return ChainRecords.ReadPrune(reader, Timestamp);
        }
        catch (SqliteException ex) when (IsMissingTable(ex))
        {
            return null;
        }
    }

    public async Task PruneAsync(LedgerPrune prune, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prune);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        // The record first: the delete trigger allows only rows a pruning record covers.
        await using (var insert = Command(
            connection,
            $"INSERT INTO ledger_prunes ({ChainRecords.PruneColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            prune.Number, prune.ThroughSeal, prune.ThroughSequence, prune.AnchorHash, prune.RowsPruned, Text(prune.Cutoff), Text(prune.PrunedAt)))
        {
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var delete = Command(connection, "DELETE FROM ledger_entries WHERE seq <= $1", prune.ThroughSequence))
        {
            delete.Transaction = transaction;
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long> AnchoredThroughAsync(string sinkId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT coalesce(max(through_seal), 0) FROM ledger_anchor_exports WHERE sink_id = $1", sinkId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task RecordAnchoredAsync(string sinkId, long throughSeal, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "INSERT OR IGNORE INTO ledger_anchor_exports (sink_id, through_seal, exported_at) VALUES ($1, $2, $3)", sinkId, throughSeal, Text(at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The highest committed seq: with one writer at a time, every uncommitted row's seq is above it.</summary>
    public async Task<long?> LastSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT max(seq) FROM ledger_entries");
        return await command.ExecuteScalarAsync(cancellationToken) is long last ? last : null;
    }

    private static bool IsMissingTable(SqliteException ex) => ex.Message.Contains("no such table", StringComparison.Ordinal);

    private static string Text(DateTimeOffset value) => CanonicalWriter.TruncateToMicroseconds(value).ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static SqliteCommand Command(SqliteConnection connection, string sql, params object[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", values[i]);
        }

        return command;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task<IReadOnlyList<LedgerSeal>> SealsAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        var seals = new List<LedgerSeal>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                seals.Add(ChainRecords.ReadSeal(reader, Timestamp));
            }
        }
        catch (SqliteException ex) when (IsMissingTable(ex))
        {
            // An embedded ledger from before sealing: nothing sealed yet.
        }

        return seals;
    }

    private static DateTimeOffset Timestamp(DbDataReader reader, int ordinal) => Instant(reader.GetString(ordinal));
}
