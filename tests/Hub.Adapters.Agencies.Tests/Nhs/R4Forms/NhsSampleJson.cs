using System.Text.Json.Nodes;
using Hub.Adapters.Agencies.Tests.Support;

namespace Hub.Adapters.Agencies.Tests.Nhs.R4Forms;

/// <summary>A valid NHS sample resource with one R4 form changed, as JSON text.</summary>
internal static class NhsSampleJson
{
    public static string With(string sample, Action<JsonObject> change)
    {
        var resource = JsonNode.Parse(File.ReadAllText(RepoPaths.Sample("nhs", sample)))!.AsObject();
        change(resource);
        return resource.ToJsonString();
    }

    public static JsonNode Json(string json) => JsonNode.Parse(json)!;
}
