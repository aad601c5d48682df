using System.Buffers;
using System.Text.Json;

namespace Hub.Sharing.Disclosure;

/// <summary>
/// Finds and suppresses small counts in an aggregate event: whole numbers from 1 to threshold - 1 in the named
/// top-level fields, at any depth (<c>indicators[3].value</c>). Fractions and zero are not counts that identify anyone.
/// </summary>
public static class SmallNumbers
{
    /// <summary>Paths of the small counts in <paramref name="fields"/> of <paramref name="event"/>, in document order.</summary>
    public static IReadOnlyList<string> Find(JsonElement @event, IEnumerable<string> fields, int threshold)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var paths = new List<string>();
        if (@event.ValueKind != JsonValueKind.Object)
        {
            return paths;
        }

        var named = fields as IReadOnlySet<string> ?? fields.ToHashSet(StringComparer.Ordinal);
        foreach (var property in @event.EnumerateObject())
        {
            if (named.Contains(property.Name))
            {
                Collect(property.Name, property.Value, threshold, paths);
            }
        }

        return paths;
    }

    /// <summary>A copy of <paramref name="payload"/> with every small count, anywhere in it, written as null.</summary>
    public static JsonElement Suppress(JsonElement payload, int threshold)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, payload, threshold);
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }

    /// <summary>True for a whole number from 1 to threshold - 1.</summary>
    public static bool IsSmall(JsonElement value, int threshold) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number >= 1 && number < threshold && decimal.Truncate(number) == number;

    private static void Collect(string path, JsonElement value, int threshold, List<string> paths)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when IsSmall(value, threshold):
                paths.Add(path);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Collect($"{path}[{i++}]", item, threshold, paths);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Collect($"{path}.{property.Name}", property.Value, threshold, paths);
                }

                break;
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonElement value, int threshold)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when IsSmall(value, threshold):
                writer.WriteNullValue();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item, threshold);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, threshold);
                }

                writer.WriteEndObject();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
