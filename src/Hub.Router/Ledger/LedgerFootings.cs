using Hub.Sharing.Decisions;

namespace Hub.Router.Ledger;

/// <summary>
/// How an allowed decision's <see cref="DecisionFooting"/> is stored and hashed (<c>consent</c>, <c>gateway</c>,
/// <c>basis</c>); rows that disclosed nothing store none.
/// </summary>
public static class LedgerFootings
{
    public static string? ToText(DecisionFooting? footing) => footing switch
    {
        null or DecisionFooting.None => null,
        DecisionFooting.Consent => "consent",
        DecisionFooting.Gateway => "gateway",
        DecisionFooting.Basis => "basis",
        _ => throw new ArgumentOutOfRangeException(nameof(footing), footing, "Unknown footing."),
    };

    public static DecisionFooting? Parse(string? text) => text switch
    {
        null => null,
        "consent" => DecisionFooting.Consent,
        "gateway" => DecisionFooting.Gateway,
        "basis" => DecisionFooting.Basis,
        _ => throw new FormatException($"Unknown footing '{text}'."),
    };
}
