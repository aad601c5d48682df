namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>
/// <c>Adapter:Sources:DropFolder</c>: a folder the agency's systems drop files into. Under <see cref="Path"/> the
/// source uses <c>inbox/</c>, <c>done/</c>, <c>quarantine/</c>, <c>reports/</c> and <c>state/</c> (checkpoints).
/// </summary>
public sealed class DropFolderOptions
{
    public const string SectionName = "Adapter:Sources:DropFolder";

    public bool Enabled { get; set; }

    /// <summary>Root folder; created with its sub-folders at start.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>How often <c>inbox/</c> is scanned.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A file is taken only once unmodified this long, so a file still being copied is left alone.</summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The checkpoint of settled rows goes to disk once the contiguous-settled watermark has moved this many rows (or
    /// <see cref="CheckpointInterval"/> has passed), and whenever processing stops. A crash re-publishes the rows after
    /// the checkpoint, under the same ids, which the router drops. 1 writes after every row: the load harness measured 30 rows a second that way against 54 at the
    /// default (docs/benchmarks.md).
    /// </summary>
    public int CheckpointEvery { get; set; } = 50;

    /// <summary>The checkpoint goes to disk at least this often while rows are settling.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Publishes awaiting the broker's confirm at once, per file (default 256). Rows are still read and mapped in order;
    /// the checkpoint is the highest row below which every row is settled (docs/adr/0009). A crash re-publishes at most
    /// this many rows plus <see cref="CheckpointEvery"/>, under the same ids.
    /// </summary>
    public int MaxInFlight { get; set; } = 256;

    /// <summary>
    /// Rows mapped at once on the thread pool, ahead of the row being published (default: the processor count, at most 32). Mapping
    /// is where an adapter validates (the NHS adapter's FHIR validation is 90 % of a row's cost), so this is what uses
    /// the other cores. Publishing stays in file order: a row's publish starts only after every earlier row's has; the
    /// checkpoint, the quarantine and the report are as with 1. 1 maps each row on the reading loop, just before its
    /// publish. A mapper must then be safe to call from several threads at once (a pure function of the row is).
    /// </summary>
    public int PrepareParallelism { get; set; } = Math.Min(Environment.ProcessorCount, 32);

    /// <summary>
    /// Rows read and handed to the mappers ahead of the row being published, at most (default 64): the memory bound of
    /// the look-ahead, which holds rows and their mapped events, never the file. At least <see cref="PrepareParallelism"/>.
    /// </summary>
    public int PrepareAhead { get; set; } = 64;

    /// <summary>Larger files are quarantined whole. Files are streamed, never held in memory; this bounds the work one file can ask for.</summary>
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;
}
