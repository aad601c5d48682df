namespace Hub.Router.Ledger.Chain;

/// <summary>
/// The outcome of <see cref="OutboxVerifier"/>: how many outbox bodies were compared with their ledger digest, and
/// which differ (delivery ids only, the first <see cref="OutboxVerifier.ListedAltered"/>; <see cref="AlteredCount"/> counts all).
/// </summary>
public sealed record OutboxVerification(long Checked, long AlteredCount, IReadOnlyList<Guid> Altered)
{
    public bool IsIntact => AlteredCount == 0;
}
