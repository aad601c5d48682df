namespace Hub.Router.Configuration;

/// <summary>
/// Where the router sends the signed chain head of each seal, outside the ledger database (docs/adr/0022). Off
/// unless a sink is set; a sink needs the signing key.
/// </summary>
public sealed class LedgerAnchorOptions
{
    public const string SectionName = "Ledger:Anchor";

    /// <summary>PEM file of the router's ECDSA P-256 private key (PKCS#8 or SEC1).</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>An append-only JSON-lines file, ideally on write-once storage.</summary>
    public string? File { get; set; }

    /// <summary>An HTTPS endpoint outside the hub's control that receives each batch of anchors as a JSON array.</summary>
    public Uri? WebhookUrl { get; set; }

    public bool Enabled => File is not null || WebhookUrl is not null;
}
