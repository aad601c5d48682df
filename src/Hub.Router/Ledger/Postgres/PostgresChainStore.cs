using System.Data.Common;
using Hub.Router.Ledger.Chain;
using Npgsql;

namespace Hub.Router.Ledger.Postgres;

/// <summary>Seals and pruning records in Postgres. Reads treat missing tables (a ledger from before sealing) as empty.</summary>
public sealed class PostgresChainStore(NpgsqlDataSource dataSource) : ILedgerChainStore
{

    public async Task<LedgerSeal?> LastSealAsync(CancellationToken cancellationToken) =>
        (await SealsAsync($"SELECT {ChainRecords.SealColumns} FROM ledger_seals ORDER BY seal_no DESC LIMIT 1", [], cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<LedgerSeal>> ReadSealsAsync(long afterNumber, int limit, CancellationToken cancellationToken) =>
        SealsAsync($"SELECT {ChainRecords.SealColumns} FROM ledger_seals WHERE seal_no > $1 ORDER BY seal_no LIMIT $2", [afterNumber, limit], cancellationToken);

    public async Task<LedgerSeal?> ReadSealAsync(long number, CancellationToken cancellationToken) =>
        (await SealsAsync($"SELECT {ChainRecords.SealColumns} FROM ledger_seals WHERE seal_no = $1", [number], cancellationToken)).SingleOrDefault();

    public async Task AppendSealAsync(LedgerSeal seal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seal);
        await using var command = dataSource.CreateCommand($"INSERT INTO ledger_seals ({ChainRecords.SealColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
        foreach (var value in new object[] { seal.Number, seal.FirstSequence, seal.LastSequence, seal.RowCount, seal.EncodingVersion, seal.PreviousHash, seal.ChainHash, seal.ContentDigest, seal.SealedAt })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<LedgerPrune?> LastPruneAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand($"SELECT {ChainRecords.PruneColumns} FROM ledger_prunes ORDER BY prune_no DESC LIMIT 1");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return ChainRecords.ReadPrune(reader, Timestamp);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    public async Task PruneAsync(LedgerPrune prune, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prune);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand($"INSERT INTO ledger_prunes ({ChainRecords.PruneColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7)", connection, transaction))
        {
            foreach (var value in new object[] { prune.Number, prune.ThroughSeal, prune.ThroughSequence, prune.AnchorHash, prune.RowsPruned, prune.Cutoff, prune.PrunedAt })
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM ledger_entries WHERE seq <= $1", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = prune.ThroughSequence });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long> AnchoredThroughAsync(string sinkId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(max(through_seal), 0) FROM ledger_anchor_exports WHERE sink_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = sinkId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task RecordAnchoredAsync(string sinkId, long throughSeal, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("INSERT INTO ledger_anchor_exports (sink_id, through_seal, exported_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING");
        foreach (var value in new object[] { sinkId, throughSeal, at })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<LedgerSeal>> SealsAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        var seals = new List<LedgerSeal>();
        try
        {
            await using var command = dataSource.CreateCommand(sql);
            foreach (var value in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                seals.Add(ChainRecords.ReadSeal(reader, Timestamp));
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // A ledger from before sealing: nothing sealed yet.
        }

        return seals;
    }

    private static DateTimeOffset Timestamp(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}
