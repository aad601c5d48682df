namespace Hub.Router.Ledger;

/// <summary>
/// Outcomes of <see cref="LedgerEntryKind.OperatorAccess"/> rows. The first reason of such a row names the operator
/// (<c>operator NAME</c>); the others say which queue and why (docs/adr/0012).
/// </summary>
public static class OperatorActions
{
    /// <summary>An operator displayed a dead-lettered message's payload; recorded before it was printed.</summary>
    public const LedgerOutcome PayloadViewed = LedgerOutcome.PayloadViewed;

    /// <summary>An operator asked the router (through <c>hub.operate</c>) to replay a dead-lettered ingress message or delivery.</summary>
    public const LedgerOutcome ReplayRequested = LedgerOutcome.ReplayRequested;

    /// <summary>
    /// The router re-checked a replayed delivery under the current agreements and consents and sent it again, or
    /// re-published a dead-lettered ingress message into its ingress queue, to be decided again.
    /// </summary>
    public const LedgerOutcome ReplayAllowed = LedgerOutcome.ReplayAllowed;

    /// <summary>The router refused a replay (a delivery the re-check refused, a message not in the queue named): nothing was sent.</summary>
    public const LedgerOutcome ReplayDenied = LedgerOutcome.ReplayDenied;

    /// <summary>An operator removed a dead-lettered message without replaying it.</summary>
    public const LedgerOutcome Purged = LedgerOutcome.Purged;

    public static IReadOnlyList<LedgerOutcome> All { get; } = [PayloadViewed, ReplayRequested, ReplayAllowed, ReplayDenied, Purged];
}
