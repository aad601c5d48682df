using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Nhs.Fhir.Validation;

namespace Hub.Adapters.Nhs.Fhir;

/// <summary>
/// Parses FHIR R4 JSON with the Firely SDK's System.Text.Json deserializer. A parse failure becomes field-level
/// problems at the FHIR instance path with the SDK's error code, never the offending value (Firely's messages can
/// quote values, so they are never passed on).
/// </summary>
public static class FhirResourceReader
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());

    public static MappingResult<T> Read<T>(string json)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read<T>(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>A resource already split out by a source (an NDJSON line, an HTTP body).</summary>
    public static MappingResult<T> Read<T>(JsonElement json)
        where T : Resource =>
        json.ValueKind == JsonValueKind.Object
            ? Read<T>(JsonSerializer.SerializeToUtf8Bytes(json))
            : MappingResult<T>.Failure([new FieldProblem("$", "is not a JSON object (a FHIR resource)")]);

    private static MappingResult<T> Read<T>(byte[] utf8)
        where T : Resource
    {
        var reader = new Utf8JsonReader(utf8);
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
            var problems = (errors ?? []).Select(e => ToProblem(e, typeof(T).Name)).Distinct().ToList();
            return MappingResult<T>.Failure(problems.Count > 0 ? problems : [new FieldProblem("$", "is not a valid FHIR R4 resource")]);
        }

        return resource is T typed
            ? MappingResult<T>.Success(typed)
            : MappingResult<T>.Failure([new FieldProblem("resourceType", $"must be {typeof(T).Name}")]);
    }

    /// <summary>The same reason code as a validation error (<c>fhir-invalid</c>), with the parser's error code.</summary>
    private static string ParseProblem(CodedException error) => $"{FhirValidationIssues.ReasonCode}: parser error {error.ErrorCode}";

    /// <summary>Firely names the root <c>$this</c> in some paths (<c>$this.class</c>); the expected type reads better.</summary>
    private static FieldProblem ToProblem(CodedException error, string resourceType) => error is ExtendedCodedException extended && !string.IsNullOrEmpty(extended.InstancePath)
        ? new FieldProblem(extended.InstancePath.StartsWith("$this.", StringComparison.Ordinal) ? resourceType + extended.InstancePath[5..] : extended.InstancePath, ParseProblem(error))
        : new FieldProblem("$", ParseProblem(error));
}
