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
        await RunAsync(OutboxRetentionSql.PostgresChoose);
        await RunAsync(OutboxRetentionSql.DeleteSentMarks);
        var deliveries = await RunAsync(OutboxRetentionSql.DeleteDeliveries);
        var registrations = await RunAsync(OutboxRetentionSql.DeleteRegistrations);
        long unsent;
        await using (var count = Command(OutboxRetentionSql.CountUnsent))
        {
            unsent = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        await transaction.CommitAsync(cancellationToken);
        return new OutboxPruneResult(deliveries, registrations, unsent);

        NpgsqlCommand Command(string sql)
        {
            var command = new NpgsqlCommand(sql, connection, transaction);
            if (sql.Contains("$1", StringComparison.Ordinal))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = cutoff.ToUniversalTime() });
            }

            return command;
        }

        async Task<int> RunAsync(string sql)
        {
            await using var command = Command(sql);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
