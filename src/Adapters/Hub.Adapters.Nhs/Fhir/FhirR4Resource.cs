using System.Text.Json;
using System.Text.Json.Serialization;
using Hl7.Fhir.Model;

namespace Hub.Adapters.Nhs.Fhir;

/// <summary>
/// A delivery record that is a FHIR R4 resource. It serializes as the resource's own FHIR JSON (Firely's, not a
/// reflection of the POCO), so a GP or trust system can take a delivery document's <c>record</c> and give it to
/// its FHIR endpoint unchanged; <c>recordType</c> then reads <c>FhirR4Resource</c>.
/// </summary>
[JsonConverter(typeof(FhirR4ResourceJsonConverter))]
public sealed class FhirR4Resource
{
    public FhirR4Resource(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A FHIR resource is a JSON object.", nameof(json));
        }

        Json = json.Clone();
    }

    /// <summary>The resource as FHIR JSON.</summary>
    public JsonElement Json { get; }

    /// <summary>The FHIR resource type, e.g. <c>Communication</c>.</summary>
    public string ResourceType => Json.TryGetProperty("resourceType", out var type) ? type.GetString() ?? string.Empty : string.Empty;

    public static FhirR4Resource From(Resource resource) => new(FhirResourceWriter.ToJsonElement(resource));
}
