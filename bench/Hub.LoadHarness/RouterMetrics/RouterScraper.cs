namespace Hub.LoadHarness.RouterMetrics;

/// <summary>Scrapes the router's <c>/metrics</c> (Prometheus text on its health listener) for its processing and lag histograms.</summary>
public sealed class RouterScraper(Uri metrics) : IDisposable
{
    public const string Processing = "agencyhub_router_processing_duration_seconds";
    public const string IngressLag = "agencyhub_router_ingress_lag_seconds";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Both histograms now, or a reason they could not be read.</summary>
    public async Task<(Histogram Processing, Histogram IngressLag)?> ScrapeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var text = await _http.GetStringAsync(metrics, cancellationToken);
            return (Histogram.Parse(text, Processing), Histogram.Parse(text, IngressLag));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>What the router observed between two scrapes.</summary>
    public static RouterTime Between((Histogram Processing, Histogram IngressLag)? before, (Histogram Processing, Histogram IngressLag)? after) =>
        before is { } b && after is { } a
            ? new RouterTime(HistogramSummary.Of(a.Processing.Since(b.Processing)), HistogramSummary.Of(a.IngressLag.Since(b.IngressLag)), null)
            : new RouterTime(null, null, "the router's /metrics could not be scraped before and after the phase");

    public void Dispose() => _http.Dispose();
}
