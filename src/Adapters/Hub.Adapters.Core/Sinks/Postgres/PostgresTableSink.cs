using Hub.Adapters.Core.Delivery;
using Hub.ServiceDefaults.Grouping;
using Hub.Contracts.Delivery.V1;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Hub.Adapters.Core.Sinks.Postgres;

/// <summary>
/// A row per delivery in the agency's own database, keyed by delivery id (<c>ON CONFLICT DO NOTHING</c>, so a
/// redelivery, even one after a recall, changes nothing). Obligations are columns: <c>retain_until</c> (decision
/// time + retention days) and <c>onward_sharing_forbidden</c>. Deliveries handled concurrently are inserted a group at
/// a time, one transaction per group (docs/adr/0010). A recall marks, and by default erases, the named rows in one
/// statement.
/// </summary>
public sealed class PostgresTableSink : IDeliverySink, IDisposable
{
    private const string InsertColumns = """
        (delivery_id, event_id, event_type, source, agreement_id, agreement_version, flow_id, purpose,
            lawful_basis, consent_ref, legal_gateway, withheld_fields, payload, occurred_at, decided_at, received_at,
            retain_until, onward_sharing_forbidden)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
        ON CONFLICT (delivery_id) DO NOTHING
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresSinkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresTableSink> _logger;
    private readonly string _table;
    private readonly string _insert;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly EffectGroupCommitter<EventDelivered> _inserts;
    private volatile bool _schemaReady;

    public PostgresTableSink(NpgsqlDataSource dataSource, PostgresSinkOptions options, TimeProvider time, ILogger<PostgresTableSink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _options = options;
        _time = time;
        _logger = logger;
        _table = SqlIdentifier.Require(options.Table);
        _insert = $"INSERT INTO {_table} {InsertColumns}";
        _inserts = new EffectGroupCommitter<EventDelivered>(InsertAsync);
    }

    /// <summary>Returns once the row is committed: with every delivery handed in while the previous group was written, in one transaction.</summary>
    public async Task HandleAsync(EventDelivered delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await EnsureSchemaAsync(cancellationToken);
        await _inserts.CommitAsync(delivery, cancellationToken);
    }

    private async Task InsertAsync(IReadOnlyList<EventDelivered> group, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var delivery in group)
        {
            batch.BatchCommands.Add(Command(delivery));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        for (var i = 0; i < group.Count; i++)
        {
            SinkLog.TableInserted(_logger, group[i].DeliveryId, _table, batch.BatchCommands[i].RecordsAffected == 1);
        }
    }

    private NpgsqlBatchCommand Command(EventDelivered delivery)
    {
        var command = new NpgsqlBatchCommand(_insert);
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
        p.Add(new NpgsqlParameter { Value = _time.GetUtcNow() });
        p.Add(new NpgsqlParameter { Value = (object?)DeliveryDocument.RetainUntil(delivery)?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(new NpgsqlParameter { Value = delivery.Obligations.OnwardSharingForbidden });
        return command;
    }

    /// <summary>One UPDATE (one transaction): rows not yet recalled are marked, and erased unless configured to restrict.</summary>
    public async Task<RecallOutcome> RecallAsync(RecallRequested recall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recall);
        await EnsureSchemaAsync(cancellationToken);
        var named = recall.Deliveries.Select(d => d.DeliveryId).ToArray();
        var payload = _options.EraseOnRecall ? "NULL" : "payload";
        await using var command = _dataSource.CreateCommand($"""
            UPDATE {_table} SET payload = {payload}, recalled_at = $2, recall_id = $3
            WHERE delivery_id = ANY($1) AND recalled_at IS NULL
            RETURNING delivery_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = named });
        command.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow() });
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
                await using var command = _dataSource.CreateCommand(PostgresSinkSchema.CreateTable(_table));
                await command.ExecuteNonQueryAsync(cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <summary>Commits what is queued, then stops.</summary>
    public void Dispose()
    {
        _inserts.Dispose();
        _schemaGate.Dispose();
    }
}
