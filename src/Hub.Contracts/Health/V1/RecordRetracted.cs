using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.Health.V1;

/// <summary>
/// A health source takes back records it published: the source record was entered in error, or the request was
/// cancelled or revoked (FHIR R4 status). Names the hub events it retracts by id, never their content; the router
/// sends it on, as a recall, to exactly the recipients its ledger says received those events (docs/adr/0020).
/// </summary>
[EventType("health.record.retracted", Classification = DataClassification.SpecialCategoryHealth)]
public sealed record RecordRetracted : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    /// <summary>The event type the retracted events were published as, e.g. <c>health.treatment-continuity.required</c>.</summary>
    public required string RetractedEventType { get; init; }

    /// <summary>
    /// The event ids the source may have published for the record (each version it could have mapped), derived the
    /// way the source derives event ids. Ids never published or never delivered retract nothing.
    /// </summary>
    public required IReadOnlyList<Guid> RetractedEventIds { get; init; }

    /// <summary>Why: one of <see cref="RetractionReasons"/>.</summary>
    public required string Reason { get; init; }
}
