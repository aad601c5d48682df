namespace Hub.Router.Ingress;

/// <summary>
/// What the ledger keeps of a verified event signature (docs/adr/0025): the key id and the SHA-256 of the signature
/// bytes, never the event.
/// </summary>
public sealed record EventSignatureDigest(string KeyId, string Sha256);
