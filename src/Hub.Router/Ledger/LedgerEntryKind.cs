namespace Hub.Router.Ledger;

public enum LedgerEntryKind
{
    /// <summary>A sharing decision for one (event, candidate recipient): allowed or denied.</summary>
    Decision,

    /// <summary>An ingress message refused before any decision: malformed, forged, oversized, unknown type.</summary>
    Rejection,

    /// <summary>
    /// An operator's act on a dead-lettered message (payload viewed, replay, purge) or the router's re-check of a
    /// replayed delivery: who, when, which message and why, never the payload (docs/adr/0012).
    /// </summary>
    OperatorAccess,
}
