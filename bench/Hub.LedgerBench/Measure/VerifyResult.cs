namespace Hub.LedgerBench.Measure;

/// <summary><c>hub audit verify</c> on the whole ledger: its verdict line, the rows it hashed, and how fast.</summary>
public sealed record VerifyResult(
    bool Intact,
    string Verdict,
    long SealsVerified,
    long RowsVerified,
    long UnsealedRows,
    double Seconds,
    double PeakMemoryMiB)
{
    /// <summary>Rows read (sealed and not) per wall-clock second of the command, .NET start-up included.</summary>
    public double RowsPerSecond => (RowsVerified + UnsealedRows) / Seconds;
}
