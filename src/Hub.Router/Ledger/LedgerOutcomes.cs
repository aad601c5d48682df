namespace Hub.Router.Ledger;

/// <summary>How a <see cref="LedgerOutcome"/> is stored and hashed: the same text in Postgres, SQLite and the chain encoding.</summary>
public static class LedgerOutcomes
{
    public static string ToText(LedgerOutcome outcome) => outcome switch
    {
        LedgerOutcome.Allowed => "allowed",
        LedgerOutcome.Denied => "denied",
        LedgerOutcome.Rejected => "rejected",
        LedgerOutcome.PayloadViewed => "payload-viewed",
        LedgerOutcome.ReplayRequested => "replay-requested",
        LedgerOutcome.ReplayAllowed => "replay-allowed",
        LedgerOutcome.ReplayDenied => "replay-denied",
        LedgerOutcome.Purged => "purged",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown ledger outcome."),
    };

    public static LedgerOutcome Parse(string text) => text switch
    {
        "allowed" => LedgerOutcome.Allowed,
        "denied" => LedgerOutcome.Denied,
        "rejected" => LedgerOutcome.Rejected,
        "payload-viewed" => LedgerOutcome.PayloadViewed,
        "replay-requested" => LedgerOutcome.ReplayRequested,
        "replay-allowed" => LedgerOutcome.ReplayAllowed,
        "replay-denied" => LedgerOutcome.ReplayDenied,
        "purged" => LedgerOutcome.Purged,
        _ => throw new FormatException($"Unknown ledger outcome '{text}'."),
    };
}
