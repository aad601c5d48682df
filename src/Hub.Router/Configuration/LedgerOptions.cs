using System.ComponentModel.DataAnnotations;

namespace Hub.Router.Configuration;

public sealed class LedgerOptions
{
    public const string SectionName = "Ledger";

    /// <summary>
    /// Base64 key (32 bytes or more) for the keyed hashes that stand in for subject identifiers in the ledger.
    /// Comes from configuration or a secret store, never from the repository.
    /// </summary>
    [Required(ErrorMessage = "Ledger:SubjectKey is required: a base64 key of at least 32 bytes (e.g. `openssl rand -base64 32`).")]
    public string? SubjectKey { get; set; }
}
