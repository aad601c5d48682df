using System.Buffers;
using System.Text.Json;
using Hub.Sharing.Projection;

namespace Hub.Sharing.Benchmarks.Prototype;

/// <summary>
/// EXPERIMENT, not product code: <see cref="PayloadProjector.Project"/>'s output (released fields only, no
/// pseudonyms) written as UTF-8 into a reused per-thread buffer and returned as bytes, skipping the
/// <c>JsonDocument.Parse</c> + <c>Clone</c> round trip the shipped projector makes to hand back a <see cref="JsonElement"/>.
/// <see cref="ProjectionBenchmarks"/> checks the bytes equal the shipped projection's raw text.
/// </summary>
public static class LeanProjector
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static byte[] ProjectToUtf8(JsonElement @event, IReadOnlyCollection<string> released)
    {
        ArgumentNullException.ThrowIfNull(released);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartObject();
        foreach (var property in @event.EnumerateObject())
        {
            if (property.NameEquals("envelope"))
            {
                WriteSubject(writer, property.Value, released);
            }
            else if (released.Contains(property.Name))
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteSubject(Utf8JsonWriter writer, JsonElement envelope, IReadOnlyCollection<string> released)
    {
        if (!envelope.TryGetProperty("subject", out var subject) || subject.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var started = false;
        foreach (var identifier in subject.EnumerateObject())
        {
            if (!released.Contains("subject." + identifier.Name))
            {
                continue;
            }

            if (!started)
            {
                writer.WriteStartObject("subject");
                started = true;
            }

            identifier.WriteTo(writer);
        }

        if (started)
        {
            writer.WriteEndObject();
        }
    }
}
