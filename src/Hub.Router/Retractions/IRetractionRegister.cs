namespace Hub.Router.Retractions;

/// <summary>
/// The event ids sources have retracted, kept durably beside the ledger (table <c>retracted_events</c>, insert-only),
/// so that an event arriving after its retraction is shared with no one and its recalls can be planned from the
/// register rather than from the retraction message (docs/adr/0020, amended).
/// </summary>
public interface IRetractionRegister
{
    /// <summary>Registers the ids; an id the same retraction named before changes nothing.</summary>
    Task RecordRetractedAsync(IReadOnlyList<RetractedEvent> retracted, CancellationToken cancellationToken);

    /// <summary>Every registration of any of these (source, event id) pairs, earliest first; pairs never retracted are absent.</summary>
    Task<IReadOnlyList<RetractedEvent>> FindRetractedAsync(IReadOnlyCollection<(string Source, Guid EventId)> events, CancellationToken cancellationToken);
}
