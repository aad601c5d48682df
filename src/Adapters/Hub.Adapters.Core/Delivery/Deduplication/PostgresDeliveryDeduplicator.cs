using Hub.Adapters.Core.Sinks.Postgres;
using Npgsql;

namespace Hub.Adapters.Core.Delivery.Deduplication;

/// <summary>
/// Handled delivery ids in a Postgres table, so a redelivery after an adapter restart is still dropped. The ids are
/// written after the sink's effect (<see cref="DurableDeliveryDeduplicator.CompleteAsync"/>), never before, a group
/// at a time in one statement (one transaction): see docs/adr/0010.
/// </summary>
public sealed class PostgresDeliveryDeduplicator(NpgsqlDataSource dataSource, string table, TimeProvider time) : DurableDeliveryDeduplicator
{
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly string _table = SqlIdentifier.Require(table);
    private volatile bool _schemaReady;

    protected override async Task<bool> WasHandledAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var command = dataSource.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {_table} WHERE delivery_id = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = deliveryId });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    protected override async Task RecordHandledAsync(IReadOnlyList<Guid> deliveryIds, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var command = dataSource.CreateCommand($"INSERT INTO {_table} (delivery_id, handled_at) SELECT unnest($1::uuid[]), $2 ON CONFLICT (delivery_id) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = deliveryIds.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var command = dataSource.CreateCommand($"DELETE FROM {_table} WHERE handled_at < $1");
        command.Parameters.Add(new NpgsqlParameter { Value = before.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await using var command = dataSource.CreateCommand(SqlIdentifier.CreateSchemaFor(_table) + $"""
                    CREATE TABLE IF NOT EXISTS {_table} (
                        delivery_id uuid PRIMARY KEY,
                        handled_at timestamptz NOT NULL
                    );
                    CREATE INDEX IF NOT EXISTS {_table.Replace('.', '_')}_handled_at ON {_table} (handled_at);
                    """);
                await command.ExecuteNonQueryAsync(cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _schemaGate.Dispose();
        }
    }
}
