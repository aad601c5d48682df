using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.Custody.V1;

/// <summary>A previously notified release date has changed (F-01/F-02); supersedes the earlier notice.</summary>
[EventType("custody.release.amended", Classification = DataClassification.CriminalOffence)]
public sealed record ReleaseAmended : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    /// <summary>The event id of the notice this amendment supersedes.</summary>
    public required Guid SupersedesEventId { get; init; }

    public required DateOnly ReleaseDate { get; init; }

    public required DateOnly PreviousReleaseDate { get; init; }

    public required string Establishment { get; init; }

    /// <summary>
    /// Local authority responsible for resettlement, as on the notice (AS-03: not the prison's location). Optional so
    /// that amendments from adapters that predate it still parse; a flow conditioned on the area does not apply
    /// to an amendment without it.
    /// </summary>
    [Code]
    public string? ResettlementArea { get; init; }

    public bool WeekendRelease { get; init; }

    public string? AmendmentReason { get; init; }
}
