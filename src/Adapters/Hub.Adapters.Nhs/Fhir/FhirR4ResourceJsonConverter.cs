using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Adapters.Nhs.Fhir;

/// <summary>Writes a <see cref="FhirR4Resource"/> as its FHIR JSON, with no wrapper object around it.</summary>
public sealed class FhirR4ResourceJsonConverter : JsonConverter<FhirR4Resource>
{
    public override FhirR4Resource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new FhirR4Resource(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, FhirR4Resource value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.Json.WriteTo(writer);
    }
}
