namespace Hub.Simulation.Population;

/// <summary>
/// One synthetic resident. Every identifier is format-valid but synthetic: NHS numbers in the 999 test range, NINos
/// with the <c>ZX</c> prefix, NOMS numbers starting <c>Z</c>; names and streets are plainly made up.
/// </summary>
public sealed record SyntheticPerson
{
    /// <summary>The person's position in the population; everything else is derived from it and the run's seed.</summary>
    public required long Index { get; init; }

    public required string GivenName { get; init; }

    public required string FamilyName { get; init; }

    public required string NhsNumber { get; init; }

    public required string Nino { get; init; }

    public required string PncId { get; init; }

    /// <summary>Prison (NOMS) number, the probation adapter's local id.</summary>
    public required string NomsId { get; init; }

    /// <summary>Lower-case borough code, as the probation adapter writes resettlement areas.</summary>
    public required string Borough { get; init; }

    public required string Address { get; init; }

    public required ClaimantStatus Claimant { get; init; }
}
