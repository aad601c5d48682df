namespace Hub.LoadHarness.RouterMetrics;

/// <summary>
/// The router's own account of a phase, from its <c>/metrics</c> scraped before and after: time per event inside the
/// router (validate, decide, ledger commit, send) and how long events waited between the adapter's publish and the
/// router's consume. A long lag beside a short processing time means events queued for the router, not that each was slow.
/// </summary>
/// <param name="Processing"><c>agencyhub_router_processing_duration_seconds</c>.</param>
/// <param name="IngressLag"><c>agencyhub_router_ingress_lag_seconds</c>.</param>
/// <param name="Problem">Why the figures are missing (the scrape failed), else null.</param>
public sealed record RouterTime(HistogramSummary? Processing, HistogramSummary? IngressLag, string? Problem);
