namespace Hub.Router.Ledger;

/// <summary>
/// Outcomes of <see cref="LedgerEntryKind.OperatorAccess"/> rows. The first reason of such a row names the operator
/// (<c>operator NAME</c>); the others say which queue and why (docs/adr/0012).
/// </summary>
public static class OperatorActions
{
    /// <summary>An operator displayed a dead-lettered message's payload; recorded before it was printed.</summary>
    public const LedgerOutcome PayloadViewed = LedgerOutcome.PayloadViewed;

    /// <summary>An operator re-submitted a dead-lettered message (to its agency's ingress, or to the router's replay queue).</summary>
    public const LedgerOutcome ReplayRequested = LedgerOutcome.ReplayRequested;

    /// <summary>The router re-checked a replayed delivery under the current agreements and consents and sent it again.</summary>
    public const LedgerOutcome ReplayAllowed = LedgerOutcome.ReplayAllowed;

    /// <summary>The router re-checked a replayed delivery and refused it: nothing was sent.</summary>
    public const LedgerOutcome ReplayDenied = LedgerOutcome.ReplayDenied;

    /// <summary>An operator removed a dead-lettered message without replaying it.</summary>
    public const LedgerOutcome Purged = LedgerOutcome.Purged;

    public static IReadOnlyList<LedgerOutcome> All { get; } = [PayloadViewed, ReplayRequested, ReplayAllowed, ReplayDenied, Purged];
}
