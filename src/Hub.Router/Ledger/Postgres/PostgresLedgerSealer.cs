using Hub.Router.Configuration;
using Hub.Router.Ledger.Chain;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hub.Router.Ledger.Postgres;

/// <summary>
/// Seals Postgres ledger rows once no open transaction can still commit a row at or below the horizon
/// (docs/adr/0008). Seqs are drawn at insert but commits land out of order, so "the highest visible seq" is not
/// safe. Instead: read the identity sequence's last value L (every seq &lt;= L has been handed out), then, in a later
/// statement, take an xid X of the sealer's own in a transaction that commits at once. Each inserting transaction
/// took its xid before drawing a seq (the statement trigger in <see cref="PostgresChainSchema"/>), and xids are handed
/// out in order, so every holder of a seq &lt;= L has an xid &lt; X. Once a snapshot's xmin passes X (compared as xid8,
/// so no wraparound), all of them have committed or aborted, and the rows up to L are final. A snapshot's xmax is
/// not such a bound: it is one past the latest <em>completed</em> xid, so a transaction that took a higher xid and is
/// still open can sit at or above it (the race a broker crash-restart exposed: a row committed into a sealed range).
/// One sealer at a time across routers: a session advisory lock, released when the pass ends.
/// </summary>
public sealed class PostgresLedgerSealer(
    NpgsqlDataSource dataSource, ILedgerStore rows, ILedgerChainStore chain, IOptions<LedgerIntegrityOptions> options, TimeProvider time) : ILedgerSealer
{
    private const long SealingLock = 727275;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public async Task<SealOutcome> SealAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await ScalarAsync<bool>(connection, $"SELECT pg_try_advisory_lock({SealingLock})", null, cancellationToken))
        {
            return SealOutcome.Skipped("another router holds the sealing lock");
        }

        try
        {
            var horizon = await ScalarAsync<object>(connection, "SELECT pg_sequence_last_value(pg_get_serial_sequence('ledger_entries', 'seq')::regclass)", null, cancellationToken);
            if (horizon is not long lastHandedOut)
            {
                return new SealOutcome(0, 0, null);
            }

            // Autocommit: the xid is taken after L was read, and its transaction ends with the statement.
            var fence = await ScalarAsync<string>(connection, "SELECT pg_current_xact_id()::text", null, cancellationToken);
            var deadline = time.GetUtcNow() + options.Value.HorizonWait;
            while (!await ScalarAsync<bool>(connection, "SELECT pg_snapshot_xmin(pg_current_snapshot()) > $1::xid8", fence, cancellationToken))
            {
                if (time.GetUtcNow() >= deadline)
                {
                    return SealOutcome.Skipped("transactions that may still commit ledger rows below the horizon are open");
                }

                await Task.Delay(Poll, time, cancellationToken);
            }

            return await LedgerSealWriter.SealThroughAsync(rows, chain, lastHandedOut, options.Value.SealBatchSize, time, cancellationToken);
        }
        finally
        {
            try
            {
                await ScalarAsync<bool>(connection, $"SELECT pg_advisory_unlock({SealingLock})", null, CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // A broken connection has already lost its session lock.
            }
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, string? parameter, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
