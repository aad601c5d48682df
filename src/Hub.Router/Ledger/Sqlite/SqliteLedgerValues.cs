using System.Globalization;
using System.Text.Json;
using Hub.Router.Ledger.Storage;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Ledger.Sqlite;

/// <summary>How SQLite stores each <see cref="LedgerColumnType"/>: uuids and timestamps (round-trip format) as text, lists as JSON arrays.</summary>
internal static class SqliteLedgerValues
{
    public static readonly string Placeholders = string.Join(", ", LedgerRowCodec.Columns.Select((_, i) => $"${i + 1}"));

    public static object Store(object? value) => value switch
    {
        null => DBNull.Value,
        Guid id => id.ToString(),
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        string[] list => JsonSerializer.Serialize(list),
        _ => value,
    };

    public static DateTimeOffset Timestamp(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The column type in DDL; lists are JSON arrays, empty on rows written before the column existed.</summary>
    public static string SqlType(LedgerColumnType type) => type == LedgerColumnType.TextList ? "TEXT NOT NULL DEFAULT '[]'" : type == LedgerColumnType.Number ? "INTEGER" : "TEXT";

    /// <summary>Binds the row's values to $1..$n.</summary>
    public static void Bind(SqliteCommand command, LedgerEntry entry)
    {
        var values = LedgerRowCodec.Values(entry);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", Store(values[i]));
        }
    }

    /// <summary>Reads one ledger row whose select list is <see cref="LedgerRowCodec.SelectList"/>.</summary>
    public static LedgerEntry ReadEntry(SqliteDataReader reader) => LedgerRowCodec.Read(reader.GetInt64(0), (i, type) =>
    {
        var ordinal = i + 1;
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return type switch
        {
            LedgerColumnType.Uuid => Guid.Parse(reader.GetString(ordinal)),
            LedgerColumnType.Timestamp => Timestamp(reader.GetString(ordinal)),
            LedgerColumnType.Text => reader.GetString(ordinal),
            LedgerColumnType.Number => reader.GetInt32(ordinal),
            LedgerColumnType.TextList => JsonSerializer.Deserialize<string[]>(reader.GetString(ordinal)) ?? [],
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    });
}
