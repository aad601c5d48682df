namespace Hub.Router.Consent;

/// <summary>
/// A withdrawal as registered. <see cref="EffectiveAt"/> is the earlier of the time the agency states and the time
/// the hub registered it: a withdrawal stated for later still stops sharing from the moment the hub knows of it.
/// </summary>
public sealed record ConsentWithdrawal(string ConsentId, DateTimeOffset EffectiveAt, DateTimeOffset StatedAt, Guid EventId, DateTimeOffset RegisteredAt);
