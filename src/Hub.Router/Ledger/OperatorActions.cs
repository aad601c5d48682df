namespace Hub.Router.Ledger;

/// <summary>
/// Outcomes of <see cref="LedgerEntryKind.OperatorAccess"/> rows. The first reason of such a row names the operator
/// (<c>operator NAME</c>); the others say which queue and why (docs/adr/0012).
/// </summary>
public static class OperatorActions
{
    /// <summary>An operator displayed a dead-lettered message's payload; recorded before it was printed.</summary>
    public const string PayloadViewed = "payload-viewed";

    /// <summary>An operator re-submitted a dead-lettered message (to its agency's ingress, or to the router's replay queue).</summary>
    public const string ReplayRequested = "replay-requested";

    /// <summary>The router re-checked a replayed delivery under the current agreements and consents and sent it again.</summary>
    public const string ReplayAllowed = "replay-allowed";

    /// <summary>The router re-checked a replayed delivery and refused it: nothing was sent.</summary>
    public const string ReplayDenied = "replay-denied";

    /// <summary>An operator removed a dead-lettered message without replaying it.</summary>
    public const string Purged = "purged";

    public static IReadOnlyList<string> All { get; } = [PayloadViewed, ReplayRequested, ReplayAllowed, ReplayDenied, Purged];
}
