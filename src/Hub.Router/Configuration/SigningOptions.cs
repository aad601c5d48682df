namespace Hub.Router.Configuration;

/// <summary>
/// Which participants sign their events, and with which public keys (docs/adr/0023). An agency listed here has every
/// event checked and refused without a valid signature; several files per agency overlap a key rotation.
/// </summary>
public sealed class SigningOptions
{
    public const string SectionName = "Router:Signing";

    /// <summary>Agency code → PEM public key files (ECDSA P-256).</summary>
    public Dictionary<string, string[]> Participants { get; init; } = new(StringComparer.Ordinal);

    /// <summary>PEM file of the router's ECDSA P-256 private key, which signs every delivery when it is decided.</summary>
    public string? KeyFile { get; set; }
}
