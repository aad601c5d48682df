using System.ComponentModel.DataAnnotations;

namespace Hub.Router.Configuration;

public sealed class RouterOptions
{
    public const string SectionName = "Router";

    /// <summary>Agencies whose ingress queues the router reads and who may receive deliveries.</summary>
    [Required]
    [MinLength(2)]
    public List<string> Agencies { get; set; } = ["police", "probation", "jcp", "nhs", "council"];

    /// <summary>Folder of agreement files (*.yaml).</summary>
    [Required]
    public string AgreementsPath { get; set; } = "samples/agreements";

    /// <summary>Largest ingress message body accepted, in bytes; larger ones are rejected as oversized.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxEventBytes { get; set; } = 256 * 1024;

    /// <summary>Messages each ingress endpoint processes at once.</summary>
    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 32;
}
