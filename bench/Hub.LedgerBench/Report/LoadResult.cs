namespace Hub.LedgerBench.Report;

/// <summary>The generated ledger and what producing it cost (seconds).</summary>
public sealed record LoadResult(
    long Rows,
    long Seals,
    long InterestRows,
    int Subjects,
    int Recalls,
    string TableSize,
    string SubjectIndexSize,
    double CopySeconds,
    double IndexSeconds,
    double ConsentSeconds,
    double VacuumSeconds)
{
    public double CopyRowsPerSecond => Rows / CopySeconds;
}
