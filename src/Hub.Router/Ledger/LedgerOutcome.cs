namespace Hub.Router.Ledger;

/// <summary>What a ledger row records: a decision's outcome, a rejection, or an operator's action (docs/adr/0012).</summary>
public enum LedgerOutcome
{
    Allowed,
    Denied,
    Rejected,
    PayloadViewed,
    ReplayRequested,
    ReplayAllowed,
    ReplayDenied,
    Purged,
}
