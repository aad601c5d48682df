using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Router.Ledger.Anchors;

/// <summary>
/// POSTs anchors as a JSON array to a receiver outside the hub's control (another organisation, a timestamping or
/// write-once service). Any status but 2xx fails the pass, so the anchors are sent again; receivers should keep
/// the first copy of each seal number and report a different one.
/// </summary>
public sealed class WebhookAnchorSink(HttpClient http, Uri url) : ILedgerAnchorSink
{
    /// <summary>A digest of the URL, which may carry a token.</summary>
    public string Id { get; } = "webhook:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)))[..16];

    public async Task WriteAsync(IReadOnlyList<LedgerAnchor> anchors, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(url, anchors, LedgerAnchorJson.Options, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The anchor webhook answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }
}
