namespace Hub.Adapters.Council.Performance;

/// <summary>
/// A quarterly performance return as the council's performance system exports it (JSON): the period, the
/// reporting body and the indicator lines, submitted once for the Vital Signs and National Indicator routes (AS-18).
/// Aggregate figures only: the export has no place for a person.
/// </summary>
public sealed class PerformanceReturnRecord
{
    public string? ReturnId { get; set; }

    /// <summary>e.g. <c>2026-Q3</c>.</summary>
    public string? Period { get; set; }

    /// <summary>e.g. <c>lewisham</c>.</summary>
    public string? ReportingBody { get; set; }

    /// <summary>When the return was signed off for submission (the event's time).</summary>
    public string? SignedOffAt { get; set; }

    public IReadOnlyList<ReturnedIndicator?>? Indicators { get; set; }
}
