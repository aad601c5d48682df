namespace Hub.Adapters.Police.Iom;

/// <summary>
/// An update to an Integrated Offender Management nominal, as the force's IOM case tool imports it: the PNC id it is
/// keyed on, and the release details probation shared under DSA-001 / DSA-008.
/// </summary>
public sealed record IomNominalUpdate
{
    public required Guid UpdateId { get; init; }

    public required string PncId { get; init; }

    public required DateOnly ReleaseDate { get; init; }

    public DateOnly? PreviousReleaseDate { get; init; }

    public string? Establishment { get; init; }

    public string? AddressOnRelease { get; init; }

    /// <summary>MAPPA, PPO or IOM; empty when the flow did not release it.</summary>
    public string? CohortTier { get; init; }

    public bool Amendment { get; init; }

    public required string SharedUnder { get; init; }

    public required int RetentionDays { get; init; }

    public required bool OnwardSharingForbidden { get; init; }
}
