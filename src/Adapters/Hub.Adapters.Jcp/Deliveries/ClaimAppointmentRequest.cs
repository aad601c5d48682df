namespace Hub.Adapters.Jcp.Deliveries;

/// <summary>
/// A work item for the Jobcentre to book the claimant's first appointment for the day of release, so benefit
/// continues without a four-to-eight-week gap (DSA-001 F3 release notice; the claim itself starts on the prisoner's
/// consent under DSA-005). An amended release moves the appointment.
/// </summary>
public sealed record ClaimAppointmentRequest
{
    /// <summary>The delivery id: a redelivery updates the same work item.</summary>
    public required Guid WorkItemId { get; init; }

    public required string Nino { get; init; }

    public required DateOnly ReleaseDate { get; init; }

    /// <summary>Set when the release date moved: the appointment booked for it must be moved.</summary>
    public DateOnly? PreviousReleaseDate { get; init; }

    public required string Establishment { get; init; }

    /// <summary>Where the claimant will live, which decides the Jobcentre; absent when not released to JCP.</summary>
    public string? AddressOnRelease { get; init; }

    public required bool Amended { get; init; }

    /// <summary><c>agreement@version/flow</c>, for the work item's audit trail.</summary>
    public required string SharedUnder { get; init; }

    public DateTimeOffset? RetainUntil { get; init; }
}
