using System.Text.Json;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>A delivered payload's fields named as agreements name them (<c>subject.pncId</c>, <c>releaseDate</c>), sorted.</summary>
public static class PayloadFields
{
    public static string[] Of(JsonElement payload) =>
        [.. payload.EnumerateObject()
            .SelectMany(p => p.NameEquals("subject") ? p.Value.EnumerateObject().Select(i => "subject." + i.Name) : [p.Name])
            .Order(StringComparer.Ordinal)];
}
