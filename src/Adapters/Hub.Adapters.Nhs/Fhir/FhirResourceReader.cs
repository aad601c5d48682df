using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Hub.Adapters.Core.Mapping;

namespace Hub.Adapters.Nhs.Fhir;

/// <summary>
/// Parses FHIR R4 JSON with the Firely SDK's System.Text.Json deserializer. A parse failure becomes field-level
/// problems at the FHIR instance path with the SDK's error code, never the offending value.
/// </summary>
public static class FhirResourceReader
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());

    public static MappingResult<T> Read<T>(string json)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        bool parsed;
        Resource? resource;
        IEnumerable<CodedException>? errors;
        try
        {
            parsed = Deserializer.TryDeserializeResource(ref reader, out resource, out errors);
        }
        catch (JsonException)
        {
            return MappingResult<T>.Failure([new FieldProblem("$", "is not well-formed JSON")]);
        }

        if (!parsed)
        {
            var problems = (errors ?? []).Select(ToProblem).ToList();
            return MappingResult<T>.Failure(problems.Count > 0 ? problems : [new FieldProblem("$", "is not a valid FHIR R4 resource")]);
        }

        return resource is T typed
            ? MappingResult<T>.Success(typed)
            : MappingResult<T>.Failure([new FieldProblem("resourceType", $"must be {typeof(T).Name}")]);
    }

    private static FieldProblem ToProblem(CodedException error) => error is ExtendedCodedException extended
        ? new FieldProblem(string.IsNullOrEmpty(extended.InstancePath) ? "$" : extended.InstancePath, $"FHIR error {error.ErrorCode}")
        : new FieldProblem("$", $"FHIR error {error.ErrorCode}");
}
