using Hub.Contracts.Agencies;
using Hub.Contracts.Health.V1;

namespace Hub.Router.Retractions;

/// <summary>
/// One event id a source has retracted (docs/adr/0020): which source (the queue the retraction arrived on, never the
/// message's claim), the event id and the type it was published as, and the retraction that named it. Ids only.
/// </summary>
public sealed record RetractedEvent
{
    public required string Source { get; init; }

    public required Guid EventId { get; init; }

    public required string EventType { get; init; }

    /// <summary>The source's <c>health.record.retracted</c> event.</summary>
    public required Guid RetractionId { get; init; }

    /// <summary>One of <see cref="RetractionReasons"/>.</summary>
    public required string Reason { get; init; }

    /// <summary>When the source retracted (the retraction's <c>occurredAt</c>).</summary>
    public required DateTimeOffset RetractedAt { get; init; }

    /// <summary>When the router registered it.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>
    /// The ids a retraction takes back, each once: only <paramref name="source"/>'s own events of the retracted type,
    /// so no agency can take back, or block, another's events.
    /// </summary>
    public static IReadOnlyList<RetractedEvent> From(RecordRetracted retraction, AgencyCode source, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(retraction);
        return [.. retraction.RetractedEventIds.Distinct().Select(id => new RetractedEvent
        {
            Source = source.Value,
            EventId = id,
            EventType = retraction.RetractedEventType,
            RetractionId = retraction.Envelope.EventId,
            Reason = retraction.Reason,
            RetractedAt = retraction.Envelope.OccurredAt,
            RecordedAt = recordedAt,
        })];
    }
}
