using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Adapters.Agencies.Tests.Support;

namespace Hub.Adapters.Agencies.Tests.Nhs.Semantics;

/// <summary>A sample FHIR resource that maps today, edited one element at a time to change what it means.</summary>
public sealed class FhirVariant
{
    public const string UnknownModifierUrl = "https://fhir.example.org/StructureDefinition/not-understood";

    private readonly JsonObject _resource;

    private FhirVariant(JsonObject resource) => _resource = resource;

    public static FhirVariant MedicationRequest() => Sample("medication-request-ost.json");

    public static FhirVariant ServiceRequest() => Sample("service-request-referral.json");

    public static FhirVariant Encounter() => Sample("encounter-discharge-planned.json");

    public static FhirVariant MeasureReport() => Sample("measure-report-vital-signs.json");

    public FhirVariant Set(string element, JsonNode? value)
    {
        _resource[element] = value;
        return this;
    }

    public FhirVariant Version(string versionId, string lastUpdated = "2026-11-30T10:00:00Z") =>
        Set("meta", new JsonObject { ["versionId"] = versionId, ["lastUpdated"] = lastUpdated });

    /// <summary>A modifier extension on the element at <paramref name="path"/> ("" the resource; "dosageInstruction[0]", "contained[0]").</summary>
    public FhirVariant WithModifier(string path)
    {
        var target = _resource;
        foreach (var step in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            target = bracket < 0
                ? target[step]!.AsObject()
                : target[step[..bracket]]!.AsArray()[int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!.AsObject();
        }

        target["modifierExtension"] = new JsonArray(new JsonObject { ["url"] = UnknownModifierUrl, ["valueString"] = "9990000131" });
        return this;
    }

    public JsonElement Json => JsonSerializer.SerializeToElement(_resource);

    public string Text => _resource.ToJsonString();

    private static FhirVariant Sample(string file) =>
        new(JsonNode.Parse(File.ReadAllText(RepoPaths.Sample("nhs", file)))!.AsObject());
}
