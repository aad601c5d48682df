namespace Hub.LedgerBench.Measure;

/// <summary>The person of interest's report: what it found, and how long building it took (milliseconds).</summary>
public sealed record SubjectResult(
    int Decisions,
    int Disclosures,
    int Denials,
    int Consents,
    int DecisionsWithRecall,
    double FirstMs,
    double MedianMs,
    double MinMs,
    double MaxMs,
    int WarmRuns);
