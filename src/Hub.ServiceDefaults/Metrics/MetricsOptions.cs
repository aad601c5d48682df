using System.ComponentModel.DataAnnotations;

namespace Hub.ServiceDefaults.Metrics;

/// <summary>How often the gauges read from outside the process (broker queues, consent store) are refreshed.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Between two samples of the broker's queues and the outstanding recalls; a scrape reads the last sample.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}
