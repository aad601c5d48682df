using Hub.Adapters.Core.Delivery;
using Hub.Contracts.Delivery.V1;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Hub.Adapters.Core.Sinks.Postgres;

/// <summary>
/// A row per delivery in the agency's own database, keyed by delivery id (<c>ON CONFLICT DO NOTHING</c>, so a
/// redelivery, even one after a recall, changes nothing). Obligations are columns: <c>retain_until</c> (decision
/// time + retention days) and <c>onward_sharing_forbidden</c>. A recall marks, and by default erases, the named
/// rows in one statement.
/// </summary>
public sealed class PostgresTableSink(NpgsqlDataSource dataSource, PostgresSinkOptions options, TimeProvider time, ILogger<PostgresTableSink> logger) : IDeliverySink, IDisposable
{
    private readonly string _table = SqlIdentifier.Require(options.Table);
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public async Task HandleAsync(EventDelivered delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await EnsureSchemaAsync(cancellationToken);
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO {_table} (delivery_id, event_id, event_type, source, agreement_id, agreement_version, flow_id, purpose,
                lawful_basis, consent_ref, legal_gateway, withheld_fields, payload, occurred_at, decided_at, received_at,
                retain_until, onward_sharing_forbidden)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            ON CONFLICT (delivery_id) DO NOTHING
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter { Value = delivery.DeliveryId });
        p.Add(new NpgsqlParameter { Value = delivery.EventId });
        p.Add(new NpgsqlParameter { Value = delivery.EventType });
        p.Add(new NpgsqlParameter { Value = delivery.Source.Value });
        p.Add(new NpgsqlParameter { Value = delivery.AgreementId });
        p.Add(new NpgsqlParameter { Value = delivery.AgreementVersion });
        p.Add(new NpgsqlParameter { Value = delivery.FlowId });
        p.Add(new NpgsqlParameter { Value = delivery.Purpose });
        p.Add(new NpgsqlParameter { Value = delivery.LawfulBasis });
        p.Add(new NpgsqlParameter { Value = (object?)delivery.ConsentRef ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = (object?)delivery.LegalGateway ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = delivery.WithheldFields.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = delivery.Payload.GetRawText(), NpgsqlDbType = NpgsqlDbType.Jsonb });
        p.Add(new NpgsqlParameter { Value = delivery.OccurredAt.ToUniversalTime() });
        p.Add(new NpgsqlParameter { Value = delivery.DecidedAt.ToUniversalTime() });
        p.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
        p.Add(new NpgsqlParameter { Value = (object?)DeliveryDocument.RetainUntil(delivery)?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(new NpgsqlParameter { Value = delivery.Obligations.OnwardSharingForbidden });
        var inserted = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        SinkLog.TableInserted(logger, delivery.DeliveryId, _table, inserted);
    }

    /// <summary>One UPDATE (one transaction): rows not yet recalled are marked, and erased unless configured to restrict.</summary>
    public async Task<RecallOutcome> RecallAsync(RecallRequested recall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recall);
        await EnsureSchemaAsync(cancellationToken);
        var named = recall.Deliveries.Select(d => d.DeliveryId).ToArray();
        var payload = options.EraseOnRecall ? "NULL" : "payload";
        await using var command = dataSource.CreateCommand($"""
            UPDATE {_table} SET payload = {payload}, recalled_at = $2, recall_id = $3
            WHERE delivery_id = ANY($1) AND recalled_at IS NULL
            RETURNING delivery_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = named });
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter { Value = recall.RecallId });
        var erased = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                erased.Add(reader.GetGuid(0));
            }
        }

        return new RecallOutcome(erased, [.. named.Except(erased)]);
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
                await using var command = dataSource.CreateCommand(PostgresSinkSchema.CreateTable(_table));
                await command.ExecuteNonQueryAsync(cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    public void Dispose() => _schemaGate.Dispose();
}
