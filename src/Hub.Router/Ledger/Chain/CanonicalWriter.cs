using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Hub.Router.Ledger.Chain;

/// <summary>
/// The byte grammar of the ledger's canonical encodings: every value is a one-byte tag and a self-delimiting
/// payload, so no two different sequences of values share an encoding (no separator can be forged inside text).
/// Tags: 0 null; 1 text (uint32 big-endian byte length, UTF-8); 2 int64 (8 bytes big-endian); 3 list (uint32
/// big-endian count, then each element as a value); 4 timestamp (int64 big-endian microseconds since the Unix
/// epoch, UTC: Postgres's precision, finer ticks dropped); 5 uuid (16 bytes, RFC 9562 big-endian order).
/// </summary>
public sealed class CanonicalWriter
{
    private const byte NullTag = 0;
    private const byte TextTag = 1;
    private const byte Int64Tag = 2;
    private const byte ListTag = 3;
    private const byte TimestampTag = 4;
    private const byte UuidTag = 5;

    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public void Clear() => _buffer.ResetWrittenCount();

    public void Null() => Tag(NullTag);

    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        Tag(TextTag);
        var length = Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), (uint)length);
        _buffer.Advance(4);
        _buffer.Advance(Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length)));
    }

    public void Number(long? value)
    {
        if (value is not { } number)
        {
            Null();
            return;
        }

        Tag(Int64Tag);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.GetSpan(8), number);
        _buffer.Advance(8);
    }

    public void List(IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Tag(ListTag);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), (uint)values.Count);
        _buffer.Advance(4);
        foreach (var value in values)
        {
            Text(value);
        }
    }

    public void Timestamp(DateTimeOffset? value)
    {
        if (value is not { } instant)
        {
            Null();
            return;
        }

        Tag(TimestampTag);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.GetSpan(8), Microseconds(instant));
        _buffer.Advance(8);
    }

    public void Uuid(Guid? value)
    {
        if (value is not { } id)
        {
            Null();
            return;
        }

        Tag(UuidTag);
        id.TryWriteBytes(_buffer.GetSpan(16), bigEndian: true, out _);
        _buffer.Advance(16);
    }

    /// <summary>Microseconds since the Unix epoch; ticks finer than a microsecond are dropped (floor), as Npgsql does on write.</summary>
    public static long Microseconds(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var (quotient, remainder) = Math.DivRem(ticks, TimeSpan.TicksPerMicrosecond);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    /// <summary>The instant as Postgres stores it: microsecond precision, UTC.</summary>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset value) =>
        DateTimeOffset.UnixEpoch.AddTicks(Microseconds(value) * TimeSpan.TicksPerMicrosecond);

    private void Tag(byte tag)
    {
        _buffer.GetSpan(1)[0] = tag;
        _buffer.Advance(1);
    }
}
