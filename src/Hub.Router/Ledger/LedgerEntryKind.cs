namespace Hub.Router.Ledger;

public enum LedgerEntryKind
{
    /// <summary>A sharing decision for one (event, candidate recipient): allowed or denied.</summary>
    Decision,

    /// <summary>An ingress message refused before any decision: malformed, forged, oversized, unknown type.</summary>
    Rejection,
}
