using System.Buffers;
using System.Text.Json;

namespace Hub.Sharing.Projection;

/// <summary>
/// Cuts an event down to the fields a recipient may receive. Works on the event's JSON so that nothing the
/// agreement does not name can leave, whatever the event type: the envelope never leaves as-is, and subject
/// identifiers leave one by one (<c>subject.nhsNumber</c> …).
/// </summary>
public static class PayloadProjector
{
    private const string EnvelopeProperty = "envelope";
    private const string SubjectPrefix = "subject.";

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Fields that carry a value in this event, named as agreements name them.</summary>
    public static IReadOnlyList<string> PresentFields(JsonElement @event)
    {
        var fields = new List<string>(16);
        foreach (var property in @event.EnumerateObject())
        {
            if (!property.NameEquals(EnvelopeProperty))
            {
                if (property.Value.ValueKind is not JsonValueKind.Null)
                {
                    fields.Add(property.Name);
                }

                continue;
            }

            if (property.Value.TryGetProperty("subject", out var subject) && subject.ValueKind == JsonValueKind.Object)
            {
                foreach (var identifier in subject.EnumerateObject())
                {
                    if (identifier.Value.ValueKind is not JsonValueKind.Null)
                    {
                        fields.Add(SubjectField(identifier));
                    }
                }
            }
        }

        return fields;
    }

    /// <summary>
    /// The released fields of <paramref name="event"/> as a new JSON object; identifiers under <c>subject</c>.
    /// Fields in <paramref name="pseudonymised"/> carry <paramref name="pseudonym"/>(field, value) instead of their value.
    /// </summary>
    public static JsonElement Project(JsonElement @event, IReadOnlyCollection<string> released, IReadOnlyCollection<string>? pseudonymised = null, Func<string, string, string>? pseudonym = null)
    {
        ArgumentNullException.ThrowIfNull(released);
        if (pseudonymised is { Count: > 0 } && pseudonym is null)
        {
            throw new ArgumentException("Pseudonymised fields need a pseudonym function.", nameof(pseudonym));
        }

        void Write(Utf8JsonWriter writer, string field, JsonProperty property)
        {
            if (pseudonymised?.Contains(field) == true)
            {
                var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                writer.WriteString(property.Name, pseudonym!(field, value));
            }
            else
            {
                property.WriteTo(writer);
            }
        }

        // One buffer and writer per thread, reused: projection runs once per allowed recipient of every event.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartObject();
        foreach (var property in @event.EnumerateObject())
        {
            if (property.NameEquals(EnvelopeProperty))
            {
                WriteSubject(writer, property.Value, released, Write);
            }
            else if (released.Contains(property.Name))
            {
                Write(writer, property.Name, property);
            }
        }

        writer.WriteEndObject();
        writer.Flush();
        return JsonElement.Parse(buffer.WrittenSpan);
    }

    /// <summary>"subject." + the identifier's name, without allocating for the identifiers the contracts define.</summary>
    private static string SubjectField(JsonProperty identifier) =>
        identifier.NameEquals("nhsNumber") ? "subject.nhsNumber"
        : identifier.NameEquals("nino") ? "subject.nino"
        : identifier.NameEquals("pncId") ? "subject.pncId"
        : identifier.NameEquals("localId") ? "subject.localId"
        : SubjectPrefix + identifier.Name;

    private static void WriteSubject(Utf8JsonWriter writer, JsonElement envelope, IReadOnlyCollection<string> released, Action<Utf8JsonWriter, string, JsonProperty> write)
    {
        if (!envelope.TryGetProperty("subject", out var subject) || subject.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var started = false;
        foreach (var identifier in subject.EnumerateObject())
        {
            var field = SubjectPrefix + identifier.Name;
            if (!released.Contains(field))
            {
                continue;
            }

            if (!started)
            {
                writer.WriteStartObject("subject");
                started = true;
            }

            write(writer, field, identifier);
        }

        if (started)
        {
            writer.WriteEndObject();
        }
    }
}
