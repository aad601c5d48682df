using System.Globalization;
using System.Text.Json;
using Hub.Adapters.Core.Sinks.Postgres;
using Npgsql;

namespace Hub.Adapters.Core.Sources.ChangeTable;

/// <summary>
/// The SQL of the change-table source. Rows are read only below the snapshot's xmin: every transaction with a
/// smaller id has ended, so no row can later appear behind the watermark (a sequence alone gives no such promise,
/// because transactions commit out of id order). xid8 values travel as text to stay independent of driver mappings.
/// </summary>
public sealed class ChangeTableStore(ChangeTableOptions options) : IAsyncDisposable
{
    // Created on first use: a disabled source is still composed, without a connection string.
    private readonly Lazy<NpgsqlDataSource> _dataSource = new(() => NpgsqlDataSource.Create(options.ConnectionString!));

    // Checked on first use, not at construction: a disabled source is still composed, with no table configured.
    public string Table => field ??= SqlIdentifier.Require(options.Table);

    private string WatermarkTable => field ??= SqlIdentifier.Require(options.WatermarkTable);

    private string QuarantineTable => field ??= SqlIdentifier.Require(options.QuarantineTable);

    public async Task EnsureStateTablesAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.Value.CreateCommand(ChangeTableSchema.StateTables(WatermarkTable, QuarantineTable));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ChangeWatermark> ReadWatermarkAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.Value.CreateCommand($"SELECT last_txid::text, last_change_id FROM {WatermarkTable} WHERE source_table = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = Table });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ChangeWatermark(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1))
            : ChangeWatermark.Start;
    }

    /// <summary>The next rows after <paramref name="after"/> whose inserting transactions have all ended, in poll order.</summary>
    public async Task<IReadOnlyList<ChangeRow>> ReadBatchAsync(ChangeWatermark after, CancellationToken cancellationToken)
    {
        var id = options.ChangeIdColumn;
        var tx = options.TransactionColumn;
        var kind = string.IsNullOrEmpty(options.KindColumn) ? "NULL::text" : $"t.{options.KindColumn}::text";
        await using var command = _dataSource.Value.CreateCommand($"""
            SELECT t.{tx}::text, t.{id}, {kind}, (to_jsonb(t) - '{tx}')::text
            FROM {Table} t
            WHERE t.{tx} < pg_snapshot_xmin(pg_current_snapshot())
              AND (t.{tx}, t.{id}) > ($1::text::xid8, $2)
            ORDER BY t.{tx}, t.{id}
            LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = after.TransactionId.ToString(CultureInfo.InvariantCulture) });
        command.Parameters.Add(new NpgsqlParameter { Value = after.ChangeId });
        command.Parameters.Add(new NpgsqlParameter { Value = options.BatchSize });
        var rows = new List<ChangeRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var fields = JsonDocument.Parse(reader.GetString(3));
            rows.Add(new ChangeRow(
                ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                fields.RootElement.Clone()));
        }

        return rows;
    }

    public async Task SaveWatermarkAsync(ChangeWatermark watermark, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.Value.CreateCommand($"""
            INSERT INTO {WatermarkTable} (source_table, last_txid, last_change_id, updated_at) VALUES ($1, $2::text::xid8, $3, $4)
            ON CONFLICT (source_table) DO UPDATE SET last_txid = excluded.last_txid, last_change_id = excluded.last_change_id, updated_at = excluded.updated_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Table });
        command.Parameters.Add(new NpgsqlParameter { Value = watermark.TransactionId.ToString(CultureInfo.InvariantCulture) });
        command.Parameters.Add(new NpgsqlParameter { Value = watermark.ChangeId });
        command.Parameters.Add(new NpgsqlParameter { Value = at.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Keeps a rejected row's reasons (fields, never values) beside the agency's own data; idempotent.</summary>
    public async Task QuarantineAsync(long changeId, IReadOnlyList<string> reasons, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.Value.CreateCommand($"""
            INSERT INTO {QuarantineTable} (source_table, change_id, reasons, quarantined_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (source_table, change_id) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Table });
        command.Parameters.Add(new NpgsqlParameter { Value = changeId });
        command.Parameters.Add(new NpgsqlParameter { Value = reasons.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = at.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource.IsValueCreated)
        {
            await _dataSource.Value.DisposeAsync();
        }
    }
}
