using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.Http;

/// <summary>
/// API key (<c>X-Api-Key</c>, compared in constant time over SHA-256 digests so length leaks nothing) or an
/// allow-listed client certificate (SHA-1 thumbprint or SHA-256, optionally also chained to the agency's CA:
/// <see cref="ClientCertificatePins"/>). Keys are never logged or echoed.
/// </summary>
public sealed class HttpIngestAuthenticator(IOptions<HttpIngestOptions> options)
{
    public const string ApiKeyHeader = "X-Api-Key";

    private readonly byte[][] _keyDigests = [.. options.Value.ApiKeys.Values.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k)))];
    private readonly ClientCertificatePins _pins = new(options.Value);

    public bool IsAuthenticated(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Headers.TryGetValue(ApiKeyHeader, out var presented) && presented.Count == 1)
        {
            var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented[0] ?? string.Empty));
            var match = false;
            foreach (var key in _keyDigests)
            {
                match |= CryptographicOperations.FixedTimeEquals(digest, key);
            }

            if (match)
            {
                return true;
            }
        }

        return _pins.Accepts(context.Connection.ClientCertificate);
    }
}
