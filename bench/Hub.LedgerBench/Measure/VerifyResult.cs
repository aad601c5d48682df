namespace Hub.LedgerBench.Measure;

/// <summary><c>hub audit verify</c> on the whole ledger: its verdict line, the rows it hashed, and how fast.</summary>
public sealed record VerifyResult(
    bool Intact,
    string Verdict,
    long SealsVerified,
    long RowsVerified,
    long UnsealedRows,
    double Seconds,
    double PeakMemoryMiB,
    double ClientCpuSeconds,
    double ServerCpuSeconds)
{
    /// <summary>Rows read (sealed and not) per wall-clock second of the command, .NET start-up included.</summary>
    public double RowsPerSecond => (RowsVerified + UnsealedRows) / Seconds;

    /// <summary>CPU microseconds per row in the command (reading, encoding, hashing) and in the server (scan, send).</summary>
    public double ClientMicrosPerRow => ClientCpuSeconds * 1e6 / (RowsVerified + UnsealedRows);

    public double ServerMicrosPerRow => ServerCpuSeconds * 1e6 / (RowsVerified + UnsealedRows);

    /// <summary>
    /// An estimate, not a measurement: rows per second if both cores of this machine did nothing else, from the CPU
    /// the command and its server backend used per row (their work overlaps: the server sends while the command reads).
    /// </summary>
    public double RowsPerSecondOnTwoFreeCores => ClientCpuSeconds + ServerCpuSeconds > 0
        ? 2 / ((ClientCpuSeconds + ServerCpuSeconds) / (RowsVerified + UnsealedRows))
        : 0;
}
