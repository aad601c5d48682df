using Hub.Router.Ledger.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Hub.Router.Ledger.Postgres;

/// <summary>How Postgres stores each <see cref="LedgerColumnType"/>: native uuid, timestamptz, text, integer and text[].</summary>
public static class PostgresLedgerValues
{
    public static NpgsqlDbType DbType(LedgerColumnType type) => type switch
    {
        LedgerColumnType.Uuid => NpgsqlDbType.Uuid,
        LedgerColumnType.Timestamp => NpgsqlDbType.TimestampTz,
        LedgerColumnType.Text => NpgsqlDbType.Text,
        LedgerColumnType.Number => NpgsqlDbType.Integer,
        LedgerColumnType.TextList => NpgsqlDbType.Array | NpgsqlDbType.Text,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The column type in DDL.</summary>
    public static string SqlType(LedgerColumnType type) => type switch
    {
        LedgerColumnType.Uuid => "uuid",
        LedgerColumnType.Timestamp => "timestamptz",
        LedgerColumnType.Text => "text",
        LedgerColumnType.Number => "integer",
        LedgerColumnType.TextList => "text[] NOT NULL DEFAULT '{}'",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Adds each of <see cref="LedgerRowCodec.AddedColumns"/> to a ledger made before it (lists empty, the rest null on old rows).</summary>
    public static string AddColumnsSql() => string.Concat(LedgerRowCodec.AddedColumns.Select(c =>
        $"ALTER TABLE ledger_entries ADD COLUMN IF NOT EXISTS {c.Name} {SqlType(c.Type)};\n"));

    /// <summary>Reads one ledger row whose select list is <see cref="LedgerRowCodec.SelectList"/>.</summary>
    public static LedgerEntry ReadEntry(NpgsqlDataReader reader) => LedgerRowCodec.Read(reader.GetInt64(0), (i, type) =>
    {
        var ordinal = i + 1;
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return type switch
        {
            LedgerColumnType.Uuid => reader.GetGuid(ordinal),
            LedgerColumnType.Timestamp => reader.GetFieldValue<DateTimeOffset>(ordinal),
            LedgerColumnType.Text => reader.GetString(ordinal),
            LedgerColumnType.Number => reader.GetInt32(ordinal),
            LedgerColumnType.TextList => reader.GetFieldValue<string[]>(ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    });

    /// <summary>Adds the row's values as positional parameters $1..$n.</summary>
    public static void AddParameters(NpgsqlParameterCollection parameters, LedgerEntry entry)
    {
        var values = LedgerRowCodec.Values(entry);
        for (var i = 0; i < values.Length; i++)
        {
            parameters.Add(new NpgsqlParameter { Value = values[i] ?? DBNull.Value, NpgsqlDbType = DbType(LedgerRowCodec.Columns[i].Type) });
        }
    }

    /// <summary>Writes the row to a binary COPY of <see cref="LedgerRowCodec.ColumnList"/>.</summary>
    public static async Task WriteRowAsync(NpgsqlBinaryImporter importer, LedgerEntry entry, CancellationToken cancellationToken)
    {
        var values = LedgerRowCodec.Values(entry);
        await importer.StartRowAsync(cancellationToken);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                await importer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await importer.WriteAsync(values[i], DbType(LedgerRowCodec.Columns[i].Type), cancellationToken);
            }
        }
    }
}
