using System.ComponentModel.DataAnnotations;

namespace Hub.Adapters.Core.Configuration;

public sealed class AdapterOptions
{
    public const string SectionName = "Adapter";

    /// <summary>The agency this adapter speaks for; must match its broker user (adapter-&lt;agency&gt;).</summary>
    [Required]
    [RegularExpression("^[a-z][a-z0-9-]{1,31}$")]
    public string Agency { get; set; } = string.Empty;

    /// <summary>Deliveries handled at once.</summary>
    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 16;
}
