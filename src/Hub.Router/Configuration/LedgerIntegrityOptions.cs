using System.ComponentModel.DataAnnotations;

namespace Hub.Router.Configuration;

/// <summary>Sealing of the ledger's hash chain and the append-only guard (docs/adr/0008).</summary>
public sealed class LedgerIntegrityOptions
{
    public const string SectionName = "Ledger:Integrity";

    /// <summary>Whether this router runs the background sealer. Several routers may: one seals at a time.</summary>
    public bool SealingEnabled { get; set; } = true;

    /// <summary>How often the sealer looks for rows to seal.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "Ledger:Integrity:SealInterval must be between 10 ms and 1 day.")]
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most rows one seal covers.</summary>
    [Range(1, 100_000, ErrorMessage = "Ledger:Integrity:SealBatchSize must be between 1 and 100000.")]
    public int SealBatchSize { get; set; } = 1000;

    /// <summary>How long one pass waits for in-flight ledger transactions below the horizon before leaving it to the next pass.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Ledger:Integrity:HorizonWait must be between 0 and 10 minutes.")]
    public TimeSpan HorizonWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Refuse to start when the router's own database role could UPDATE or DELETE ledger rows.</summary>
    public bool RequireAppendOnly { get; set; }
}
