using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Hub.Adapters.Nhs.Fhir;

/// <summary>Serializes a FHIR R4 resource with the Firely SDK, so what the NHS receives is FHIR JSON as FHIR defines it.</summary>
public static class FhirResourceWriter
{
    private static readonly BaseFhirJsonSerializer Serializer = new(ModelInfo.ModelInspector);

    public static JsonElement ToJsonElement(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        using var document = JsonDocument.Parse(Serializer.SerializeToString(resource));
        return document.RootElement.Clone();
    }
}
