using System.Net;
using System.Net.Http.Headers;
using Hub.LoadHarness.Processes;
using Hub.Simulation.Timeline;

namespace Hub.LoadHarness.Feed;

/// <summary>
/// POSTs release notices to the probation worker's HTTP ingest as the case system would, each answered 202 only once
/// the broker confirmed it. Returns when each request was sent: the start of its HTTP-to-sink latency.
/// </summary>
public sealed class HttpFeeder(HttpIngestEndpoint endpoint) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = endpoint.BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<DateTimeOffset> PostAsync(ReleaseNotice notice, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "events/" + ReleaseNoticeJson.EventType(notice))
        {
            Content = new ByteArrayContent(ReleaseNoticeJson.Body(notice)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add("X-Api-Key", endpoint.ApiKey);
        var sent = TimeProvider.System.GetUtcNow();
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            // The problem body names fields, never values; the status and title say enough here.
            throw new InvalidOperationException($"The probation worker's HTTP ingest answered {(int)response.StatusCode} {response.ReasonPhrase} to a release notice; see its log.");
        }

        return sent;
    }

    /// <summary>Waits until the endpoint accepts connections (it starts with the worker, not necessarily before its consumers).</summary>
    public async Task WaitUntilListeningAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetUtcNow() + patience;
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync(new Uri("events", UriKind.Relative), cancellationToken);
                return;
            }
            catch (HttpRequestException) when (TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    public void Dispose() => _http.Dispose();
}
