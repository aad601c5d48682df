namespace Hub.Router.Ledger.Anchors;

/// <summary>
/// The ledger's seals compared with anchors kept outside it: how many were checked, how many seals are newer than
/// the last anchor, and the first seal (lowest number) whose anchor disagrees, with why.
/// </summary>
public sealed record AnchorVerification(int AnchorsChecked, long SealsAfterLastAnchor, long? DivergentSeal, string? Detail)
{
    public bool IsConsistent => DivergentSeal is null;
}
