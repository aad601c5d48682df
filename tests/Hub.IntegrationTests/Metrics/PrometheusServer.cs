using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.IntegrationTests.Metrics;

/// <summary>A throwaway Prometheus (scripts/servers/prometheus.sh) with a test's own configuration, queried over its HTTP API.</summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly string _state;

    private PrometheusServer(string state, Uri url)
    {
        _state = state;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<PrometheusServer> StartAsync(string configuration)
    {
        var state = Directory.CreateTempSubdirectory("agencyhub-prometheus-").FullName;
        var config = Path.Combine(state, "prometheus.yml");
        await File.WriteAllTextAsync(config, configuration);
        try
        {
            await PrometheusPackage.RunScriptAsync("start", state, config);
        }
        catch
        {
            Directory.Delete(state, recursive: true);
            throw;
        }

        var env = await File.ReadAllTextAsync(Path.Combine(state, "prometheus.env"));
        var url = env.Split('=', 2)[1].Trim().Trim('\'');
        return new PrometheusServer(state, new Uri(url));
    }

    /// <summary>An instant query; throws with Prometheus's error when the expression is refused.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string promql)
    {
        using var response = await Http.GetAsync(new Uri(Url, "/api/v1/query?query=" + Uri.EscapeDataString(promql)));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        if (root.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"Prometheus refused {promql}: {root.GetProperty("error").GetString()}");
        }

        return [.. root.GetProperty("data").GetProperty("result").EnumerateArray().Select(r => (
            (IReadOnlyDictionary<string, string>)r.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
            double.Parse(r.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture)))];
    }

    /// <summary>Each loaded rule's name and health (ok, err or unknown before its first evaluation) with any error.</summary>
    public async Task<IReadOnlyList<(string Name, string Health, string? Error)>> RulesAsync()
    {
        var json = await Http.GetFromJsonAsync<JsonElement>(new Uri(Url, "/api/v1/rules"));
        return [.. json.GetProperty("data").GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("rules").EnumerateArray())
            .Select(r => (r.GetProperty("name").GetString()!, r.GetProperty("health").GetString()!, r.TryGetProperty("lastError", out var e) ? e.GetString() : null))];
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PrometheusPackage.RunScriptAsync("stop", _state);
        }
        finally
        {
            Directory.Delete(_state, recursive: true);
        }
    }
}
