namespace Hub.Router.Consent;

/// <summary>
/// A withdrawal that arrived before the consent it withdraws, kept until the consent is recorded, which is then
/// registered already withdrawn as of <see cref="StatedAt"/> or <see cref="KeptAt"/>, whichever is earlier (the same
/// rule as any withdrawal). The subject is held only as the ledger's keyed pseudonyms.
/// </summary>
public sealed record EarlyWithdrawal(string ConsentId, string Source, IReadOnlyList<string> SubjectPseudonyms, DateTimeOffset StatedAt, Guid EventId, DateTimeOffset KeptAt)
{
    public DateTimeOffset EffectiveAt => StatedAt < KeptAt ? StatedAt : KeptAt;
}
