namespace Hub.Router.Ledger;

/// <summary>How a <see cref="LedgerEntryKind"/> is stored and hashed: the same text in Postgres, SQLite and the chain encoding.</summary>
public static class LedgerEntryKinds
{
    public const string Decision = "decision";
    public const string Rejection = "rejection";
    public const string OperatorAccess = "operator-access";

    public static string ToText(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Decision => Decision,
        LedgerEntryKind.Rejection => Rejection,
        LedgerEntryKind.OperatorAccess => OperatorAccess,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ledger entry kind."),
    };

    public static LedgerEntryKind Parse(string text) => text switch
    {
        Decision => LedgerEntryKind.Decision,
        Rejection => LedgerEntryKind.Rejection,
        OperatorAccess => LedgerEntryKind.OperatorAccess,
        _ => throw new FormatException($"Unknown ledger entry kind '{text}'."),
    };
}
