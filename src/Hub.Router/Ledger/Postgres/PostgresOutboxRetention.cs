using Hub.Router.Ledger.Retention;
using Npgsql;

namespace Hub.Router.Ledger.Postgres;

/// <summary>Outbox and ingress-register retention on the Postgres ledger database (docs/adr/0031); needs the owner's connection.</summary>
public sealed class PostgresOutboxRetention(NpgsqlDataSource dataSource) : IOutboxRetention
{
    public async Task<OutboxPruneResult> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await OutboxRetentionSql.RunAsync(OutboxRetentionSql.PostgresChoose, null, RunAsync, CountAsync);
        await transaction.CommitAsync(cancellationToken);
        return result;

        NpgsqlCommand Command(string sql)
        {
            var command = new NpgsqlCommand(sql, connection, transaction);
            if (sql.Contains("$1", StringComparison.Ordinal))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = cutoff.ToUniversalTime() });
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
