using System.ComponentModel.DataAnnotations;

namespace Hub.Adapters.Core.Configuration;

public sealed class AdapterOptions
{
    public const string SectionName = "Adapter";

    /// <summary>The agency this adapter speaks for; must match its broker user (adapter-&lt;agency&gt;).</summary>
    [Required]
    [RegularExpression("^[a-z][a-z0-9-]{1,31}$")]
    public string Agency { get; set; } = string.Empty;

    /// <summary>
    /// Deliveries the broker hands the adapter ahead of acknowledgement (default 64). Sinks group-commit whatever
    /// is being handled at once (docs/adr/0010), so this bounds a group as well.
    /// </summary>
    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 64;

    /// <summary>Deliveries consumed concurrently; null (the default) means <see cref="PrefetchCount"/>. At most <see cref="PrefetchCount"/>.</summary>
    [Range(1, 1000)]
    public int? ConcurrentMessageLimit { get; set; }

    /// <summary>
    /// PEM file of this agency's ECDSA P-256 private key. When set, every event the adapter submits is signed, and a
    /// router that holds the matching public key refuses this agency's events without a valid signature (docs/adr/0023).
    /// </summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>
    /// PEM files of the router's public key(s). When set, a delivery without the router's valid signature is refused
    /// before the sink sees it, and moved to the delivery error queue (docs/adr/0023). Several overlap a rotation.
    /// </summary>
    public string[] RouterKeyFiles { get; set; } = [];
}
