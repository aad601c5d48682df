using Hub.Router.Ledger.Retention;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Ledger.Sqlite;

/// <summary>Outbox and ingress-register retention on the embedded SQLite ledger (docs/adr/0031).</summary>
public sealed class SqliteOutboxRetention(string path) : IOutboxRetention
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    public async Task<OutboxPruneResult> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var result = await OutboxRetentionSql.RunAsync(OutboxRetentionSql.SqliteChoose, OutboxRetentionSql.SqliteDone, RunAsync, CountAsync);
        await transaction.CommitAsync(cancellationToken);
        return result;

        SqliteCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            if (sql.Contains("$1", StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue("$1", SqliteLedgerValues.Store(cutoff.ToUniversalTime()));
            }

            return command;
        }

        async Task<long> CountAsync(string sql)
        {
            await using var command = Command(sql);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        async Task<int> RunAsync(string sql)
        {
            await using var command = Command(sql);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
