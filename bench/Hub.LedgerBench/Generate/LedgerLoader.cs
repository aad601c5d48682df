using System.Diagnostics;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Chain;
using Hub.Router.Ledger.Postgres;
using Hub.Router.Ledger.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Hub.LedgerBench.Generate;

/// <summary>
/// Loads the plan into an empty ledger by binary COPY, sealing it as it goes with the project's own
/// <see cref="LedgerChain"/> (every full batch of the seal size; a partial last batch stays unsealed, as if the sealer
/// had not reached it yet). The secondary indexes are dropped for the load and rebuilt after it by the schema itself.
/// </summary>
public static class LedgerLoader
{
    /// <returns>Seconds spent copying rows (with sealing) and seals.</returns>
    public static async Task<(double Seconds, long Seals)> LoadAsync(NpgsqlDataSource dataSource, LedgerPlan plan, int sealSize, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        var clock = Stopwatch.StartNew();
        var seals = new List<LedgerSeal>();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var importer = await connection.BeginBinaryImportAsync($"COPY ledger_entries ({LedgerRowCodec.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            var batch = new List<LedgerEntry>(sealSize);
            var previous = LedgerChain.GenesisHash;
            long written = 0;
            foreach (var row in plan.Rows())
            {
                await PostgresLedgerValues.WriteRowAsync(importer, row, cancellationToken);
                batch.Add(row);
                if (batch.Count == sealSize)
                {
                    var seal = LedgerChain.Seal(seals.Count + 1, previous, batch, row.RecordedAt.AddSeconds(10));
                    seals.Add(seal);
                    previous = seal.ChainHash;
                    batch.Clear();
                }

                if (++written % 1_000_000 == 0)
                {
                    progress($"{written:N0} rows copied ({written / clock.Elapsed.TotalSeconds:N0} rows/s)");
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                "COPY ledger_seals (seal_no, first_seq, last_seq, row_count, encoding_version, previous_hash, chain_hash, content_digest, sealed_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var seal in seals)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(seal.Number, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(seal.FirstSequence, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(seal.LastSequence, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(seal.RowCount, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(seal.EncodingVersion, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(seal.PreviousHash, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(seal.ChainHash, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(seal.ContentDigest, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(seal.SealedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        return (clock.Elapsed.TotalSeconds, seals.Count);
    }
}
