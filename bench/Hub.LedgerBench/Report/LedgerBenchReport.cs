using Hub.LedgerBench.Measure;

namespace Hub.LedgerBench.Report;

/// <summary>One run: the ledger generated, how long that took, and the two commands' figures against their targets.</summary>
public sealed record LedgerBenchReport(
    DateTimeOffset StartedAt,
    string Machine,
    string Server,
    BenchSettings Settings,
    LoadResult Load,
    SubjectResult Subject,
    double SubjectCommandSeconds,
    PlanResult Plans,
    VerifyResult Verify)
{
    public const double SubjectTargetMs = 100;
    public const double VerifyTargetRowsPerSecond = 200_000;

    public bool SubjectMet => Subject.MedianMs <= SubjectTargetMs;

    public bool VerifyMet => Verify.RowsPerSecond >= VerifyTargetRowsPerSecond;
}
