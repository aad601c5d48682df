using System.Net;

namespace Hub.Adapters.Core.Sources.Http;

/// <summary>Which of Kestrel's listen URLs (<c>;</c>-separated) would take plain http from beyond this machine.</summary>
public static class PlainHttpUrls
{
    /// <returns>The <c>http://</c> URLs whose host is not loopback (<c>+</c>, <c>*</c>, <c>0.0.0.0</c>, a name or an address).</returns>
    public static IReadOnlyList<string> BeyondLoopback(string? urls) =>
        [.. (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !IsLoopback(HostOf(u["http://".Length..])))];

    private static string HostOf(string authorityAndPath)
    {
        var authority = authorityAndPath.Split('/')[0];
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? authority[1..close] : authority;
        }

        var colon = authority.LastIndexOf(':');
        return colon >= 0 ? authority[..colon] : authority;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
