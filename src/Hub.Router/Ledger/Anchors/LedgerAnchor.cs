namespace Hub.Router.Ledger.Anchors;

/// <summary>
/// A seal's chain head, signed by the router and kept outside the ledger database (docs/adr/0022): whoever can
/// rewrite the database can recompute the chain, but not these.
/// </summary>
public sealed record LedgerAnchor(long SealNumber, long FirstSequence, long LastSequence, string ChainHash, DateTimeOffset SealedAt, string KeyId, string Signature);
