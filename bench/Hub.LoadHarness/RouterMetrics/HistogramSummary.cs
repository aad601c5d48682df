namespace Hub.LoadHarness.RouterMetrics;

/// <summary>
/// A router histogram over one phase: observations, their mean (exact, from the sum) and percentiles estimated from the
/// buckets (5 ms, 10, 25, 50, 100, 250, 500 ms, 1 s, 2.5, 5, 10, 30, 60 s...), all in milliseconds.
/// </summary>
public sealed record HistogramSummary(double Count, double MeanMs, double P50Ms, double P95Ms, double P99Ms)
{
    public static HistogramSummary Of(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return new HistogramSummary(
            histogram.Count,
            histogram.Count > 0 ? histogram.Sum / histogram.Count * 1000 : double.NaN,
            histogram.Quantile(0.50) * 1000,
            histogram.Quantile(0.95) * 1000,
            histogram.Quantile(0.99) * 1000);
    }
}
