using System.Globalization;
using System.Text.RegularExpressions;

namespace Hub.HealthProbe;

/// <summary>
/// GETs the process's own health endpoint. The port comes from <c>Health__Urls</c>, the same variable the listener
/// binds, so the probe and the listener cannot drift apart; a wildcard host (<c>+</c>, <c>*</c>, <c>0.0.0.0</c>,
/// <c>[::]</c>) is probed on loopback. Prints nothing: the exit code is the answer.
/// </summary>
public static partial class HealthProbe
{
    public const int Healthy = 0;
    public const int Unhealthy = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, string? healthUrls, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(http);
        if (args.Count != 1 || args[0] is not ("live" or "ready") || ProbeUri(healthUrls, args[0]) is not { } uri)
        {
            return Usage;
        }

        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            return response.IsSuccessStatusCode ? Healthy : Unhealthy;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return Unhealthy;
        }
    }

    /// <summary>The probe address for the first URL of <paramref name="healthUrls"/>, or null when none is usable.</summary>
    public static Uri? ProbeUri(string? healthUrls, string kind)
    {
        var first = healthUrls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null || ListenUrl().Match(first) is not { Success: true } match)
        {
            return null;
        }

        var host = match.Groups["host"].Value is "+" or "*" or "0.0.0.0" or "[::]" or "localhost" ? "127.0.0.1" : match.Groups["host"].Value;
        var port = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
        return port is > 0 and <= 65535 ? new Uri($"{match.Groups["scheme"].Value}://{host}:{port.ToString(CultureInfo.InvariantCulture)}/health/{kind}") : null;
    }

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>\[[^\]]+\]|[^/:]+):(?<port>\d{1,5})/?$", RegexOptions.CultureInvariant)]
    private static partial Regex ListenUrl();
}
