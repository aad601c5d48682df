using System.ComponentModel.DataAnnotations;

namespace Hub.Router.Configuration;

public sealed class RouterOptions
{
    public const string SectionName = "Router";

    /// <summary>
    /// Agencies whose ingress queues the router reads and who may receive deliveries; the five well-known ones
    /// when none are configured. Starts empty because the configuration binder appends to a list, never replaces it.
    /// </summary>
    public List<string> Agencies { get; set; } = [];

    /// <summary>Folder of agreement files (*.yaml).</summary>
    [Required]
    public string AgreementsPath { get; set; } = "samples/agreements";

    /// <summary>Largest ingress message accepted, in bytes, counting MassTransit's envelope; larger ones are rejected as oversized.</summary>
    [Range(8 * 1024, 16 * 1024 * 1024)]
    public int MaxEventBytes { get; set; } = 256 * 1024;

    /// <summary>How often the agreements folder is re-checked even without a file-system notification.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AgreementsPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages each ingress endpoint takes from the broker ahead of processing (unacknowledged at most).</summary>
    [Range(1, 5000)]
    public int PrefetchCount { get; set; } = 256;

    /// <summary>
    /// Events each ingress endpoint decides at once. Their ledger rows are committed together by one writer (group
    /// commit), so this, not the database, bounds how many events a group can hold. At most <see cref="PrefetchCount"/>;
    /// when not set, 128 or the prefetch, whichever is smaller (<see cref="EffectiveConcurrentMessageLimit"/>).
    /// </summary>
    [Range(1, 5000)]
    public int? ConcurrentMessageLimit { get; set; }

    public int EffectiveConcurrentMessageLimit => ConcurrentMessageLimit ?? Math.Min(128, PrefetchCount);

    /// <summary>
    /// How long an event keeps retrying in memory while the ledger database is unreachable (a primary lost and a standby
    /// being promoted, docs/reliability.md) before it fails as any other event would (to the ingress error queue). Other
    /// failures keep their short retries.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DatabaseFailoverWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most events in one ledger transaction; a burst forms groups up to this size by itself.</summary>
    [Range(1, 10000)]
    public int LedgerGroupLimit { get; set; } = 512;

    /// <summary>
    /// How long an event citing a consent the registry has not recorded is held before it is decided without it
    /// (ordering across agencies is not guaranteed: another agency may record the consent a little later). Zero
    /// decides such events at once, the consent unknown (docs/adr/0018).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ConsentHoldWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often held events are checked for release: their consent recorded (by any router) or their window ended.
    /// A consent registered through this router releases the events held for it at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ConsentHoldPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
