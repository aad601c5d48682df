namespace Hub.Router.Recalls;

/// <summary>
/// Every recall the router opens, whatever its cause (<see cref="RecallCause"/>): one set of insert-only tables
/// (<c>recalls</c>, <c>recall_deliveries</c>, <c>recall_acknowledgements</c>) beside the ledger, Postgres in
/// production and the same SQLite file in the embedded run. The ledger is only read.
/// </summary>
public interface IRecallStore
{
    /// <summary>
    /// Opens a recall per recipient for every delivery the cause calls back that no recall of the same cause names yet:
    /// for a consent withdrawal, the consent-based deliveries under the consent, once it is withdrawn (docs/adr/0007);
    /// for a retraction, the allowed deliveries of the events it retracted, from the retracting source and of the
    /// retracted type, as <see cref="Retractions.IRetractionRegister"/> holds them (docs/adr/0020). Then returns the
    /// cause's recalls not yet acknowledged (to send, or send again). Idempotent, and safe to call concurrently.
    /// </summary>
    Task<IReadOnlyList<RecallNotice>> SyncRecallsAsync(RecallCause cause, DateTimeOffset now, CancellationToken cancellationToken);

    Task<RecallAcknowledgement> AcknowledgeAsync(Guid recallId, string recipient, DateTimeOffset acknowledgedAt, DateTimeOffset receivedAt, int erased, int notHeld, CancellationToken cancellationToken);

    /// <summary>Recalls of every cause in the order they were requested: outstanding ones only, or all.</summary>
    Task<IReadOnlyList<RecallNotice>> RecallsAsync(bool includeAcknowledged, CancellationToken cancellationToken);
}
