using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Contracts.Agencies;

/// <summary>Writes an <see cref="AgencyCode"/> as its plain string and refuses malformed codes on read.</summary>
public sealed class AgencyCodeJsonConverter : JsonConverter<AgencyCode>
{
    public override AgencyCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return AgencyCode.TryParse(text, out var code)
            ? code
            : throw new JsonException("Agency code is not a valid agency code.");
    }

    public override void Write(Utf8JsonWriter writer, AgencyCode value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
