namespace Hub.Router.Consent.Holding;

/// <summary>
/// Events held for a consent not yet recorded, beside the consent registry (the ledger's Postgres database, or the
/// embedded SQLite file), so a hold outlives a router restart (docs/adr/0018).
/// </summary>
public interface IHeldEventStore
{
    /// <summary>Holds the event; false when an event with that source and id is held already (the first hold stands).</summary>
    Task<bool> HoldAsync(HeldEvent held, CancellationToken cancellationToken);

    Task<HeldEvent?> FindHeldAsync(string source, Guid eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Held events whose consent is now recorded, whose source has retracted them (same source, event id and type in the
    /// retraction register), or whose window ended by <paramref name="now"/>; earliest window end first.
    /// </summary>
    Task<IReadOnlyList<DueHeldEvent>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes the held copy once the event has been decided or sent again to be decided; a missing row is no error.</summary>
    Task ForgetAsync(string source, Guid eventId, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);
}
