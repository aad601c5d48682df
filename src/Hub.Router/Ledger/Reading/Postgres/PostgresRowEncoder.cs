using Hub.Router.Ledger.Storage;
using System.Buffers;
using System.Buffers.Binary;
using Npgsql;

namespace Hub.Router.Ledger.Reading.Postgres;

/// <summary>
/// Writes a row selected with <see cref="LedgerRowCodec.SelectList"/> in the canonical encoding straight from
/// Postgres's binary wire format: text is already UTF-8, uuids are already in RFC 9562 byte order, timestamps are
/// microseconds (since 2000-01-01, shifted to the Unix epoch), and a text[] is a count and length-prefixed elements.
/// Columns are written in <see cref="LedgerRowCodec.Columns"/> order, which is the newest encoding version's column
/// order (a unit test holds them equal). The grammar is <see cref="Chain.CanonicalWriter"/>'s; a test checks every
/// column against <see cref="Chain.LedgerRowEncoding"/>.
/// </summary>
internal sealed class PostgresRowEncoder
{
    private const long PostgresEpochMicroseconds = 946_684_800_000_000;

    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private byte[] _scratch = new byte[1024];

    /// <summary>The ordinals (1-based, after seq) of the last column of each encoding version.</summary>
    private static readonly int[] VersionLast = [.. Chain.LedgerRowEncoding.ColumnsByVersion.Select(c => c.Count - 1)];

    public EncodedLedgerRow Encode(NpgsqlDataReader reader)
    {
        _buffer.ResetWrittenCount();
        var lengths = new int[VersionLast.Length];
        for (var i = 0; i < LedgerRowCodec.Columns.Count; i++)
        {
            var ordinal = i + 1;
            switch (LedgerRowCodec.Columns[i].Type)
            {
                case LedgerColumnType.Uuid: Uuid(reader, ordinal); break;
                case LedgerColumnType.Timestamp: Timestamp(reader, ordinal); break;
                case LedgerColumnType.Text: Text(reader, ordinal); break;
                case LedgerColumnType.Number: Integer(reader, ordinal); break;
                case LedgerColumnType.TextList: List(reader, ordinal); break;
                default: throw new InvalidOperationException($"No wire encoding for {LedgerRowCodec.Columns[i].Type}.");
            }

            for (var v = 0; v < VersionLast.Length; v++)
            {
                lengths[v] = ordinal == VersionLast[v] ? _buffer.WrittenCount : lengths[v];
            }
        }

        return new EncodedLedgerRow(reader.GetInt64(0), _buffer.WrittenSpan.ToArray(), lengths);
    }

    private ReadOnlySpan<byte> Raw(NpgsqlDataReader reader, int ordinal)
    {
        var length = (int)reader.GetBytes(ordinal, 0, _scratch, 0, _scratch.Length);
        if (length == _scratch.Length)
        {
            length = (int)reader.GetBytes(ordinal, 0, null, 0, 0);
            if (length > _scratch.Length)
            {
                _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
                reader.GetBytes(ordinal, 0, _scratch, 0, length);
            }
        }

        return _scratch.AsSpan(0, length);
    }

    private void Text(NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            Tag(0);
            return;
        }

        TextPayload(Raw(reader, ordinal));
    }

    private void TextPayload(ReadOnlySpan<byte> utf8)
    {
        var span = _buffer.GetSpan(5 + utf8.Length);
        span[0] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)utf8.Length);
        utf8.CopyTo(span[5..]);
        _buffer.Advance(5 + utf8.Length);
    }

    private void Uuid(NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            Tag(0);
            return;
        }

        var raw = Raw(reader, ordinal);
        var span = _buffer.GetSpan(17);
        span[0] = 5;
        raw.CopyTo(span[1..]);
        _buffer.Advance(17);
    }

    private void Timestamp(NpgsqlDataReader reader, int ordinal)
    {
        var micros = BinaryPrimitives.ReadInt64BigEndian(Raw(reader, ordinal)) + PostgresEpochMicroseconds;
        var span = _buffer.GetSpan(9);
        span[0] = 4;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], micros);
        _buffer.Advance(9);
    }

    private void Integer(NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            Tag(0);
            return;
        }

        var span = _buffer.GetSpan(9);
        span[0] = 2;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], BinaryPrimitives.ReadInt32BigEndian(Raw(reader, ordinal)));
        _buffer.Advance(9);
    }

    /// <summary>A one-dimensional text[]: ndim, has-null flag, element type, then (size, lower bound) and each element as length (-1 for null) and bytes.</summary>
    private void List(NpgsqlDataReader reader, int ordinal)
    {
        var raw = Raw(reader, ordinal);
        var dimensions = BinaryPrimitives.ReadInt32BigEndian(raw);
        var count = 1;
        for (var d = 0; d < dimensions; d++)
        {
            count *= BinaryPrimitives.ReadInt32BigEndian(raw[(12 + (8 * d))..]);
        }

        count = dimensions == 0 ? 0 : count;
        var span = _buffer.GetSpan(5);
        span[0] = 3;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)count);
        _buffer.Advance(5);
        var at = 12 + (8 * dimensions);
        for (var e = 0; e < count; e++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(raw[at..]);
            at += 4;
            if (length < 0)
            {
                Tag(0);
                continue;
            }

            TextPayload(raw.Slice(at, length));
            at += length;
        }
    }

    private void Tag(byte tag)
    {
        _buffer.GetSpan(1)[0] = tag;
        _buffer.Advance(1);
    }
}
