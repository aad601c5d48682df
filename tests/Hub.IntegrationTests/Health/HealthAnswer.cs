using System.Net;
using System.Text.Json;

namespace Hub.IntegrationTests.Health;

/// <summary>One answer of a health endpoint: the HTTP status and each check's status by name.</summary>
public sealed record HealthAnswer(HttpStatusCode Code, string Body, IReadOnlyDictionary<string, string> Checks)
{
    public static async Task<HealthAnswer> GetAsync(HttpClient http, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(uri);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!, StringComparer.Ordinal);
        return new HealthAnswer(response.StatusCode, body, checks);
    }
}
