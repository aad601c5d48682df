using System.Text.Json;

namespace Hub.Adapters.Agencies.Tests.Nhs;

/// <summary>The identifier values a FHIR sample holds, so tests can show no problem text quotes one.</summary>
internal static class NhsSampleIdentifiers
{
    /// <summary>Every identifier value (an object with a system and a string value) in a sample: NHS numbers, NINOs, local ids.</summary>
    public static List<string> In(string text)
    {
        var values = new List<string>();
        var documents = text.TrimStart().StartsWith('[') ? [text] : text.Split('\n').Where(l => l.Trim().Length > 0);
        foreach (var json in documents)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                Collect(document.RootElement, values);
            }
            catch (JsonException)
            {
                // The broken line of a sample is there to be broken; it holds no identifier.
            }
        }

        return values;
    }

    private static void Collect(JsonElement element, List<string> values)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, values);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("system", out _) && element.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
            {
                values.Add(value.GetString()!);
            }

            foreach (var property in element.EnumerateObject())
            {
                Collect(property.Value, values);
            }
        }
    }
}
