using System.Buffers.Binary;
using System.Diagnostics;

namespace Hub.LoadHarness.Baseline;

/// <summary>A baseline message body: the send time (this process's monotonic clock) and a sequence number, padded to size.</summary>
public static class TimedMessage
{
    public const int MinimumBytes = 2 * sizeof(long);

    public static byte[] Create(int bytes, long sequence)
    {
        var body = new byte[Math.Max(bytes, MinimumBytes)];
        BinaryPrimitives.WriteInt64LittleEndian(body, Stopwatch.GetTimestamp());
        BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(sizeof(long)), sequence);
        return body;
    }

    public static (long Sent, long Sequence) Read(ReadOnlySpan<byte> body) =>
        (BinaryPrimitives.ReadInt64LittleEndian(body), BinaryPrimitives.ReadInt64LittleEndian(body[sizeof(long)..]));
}
