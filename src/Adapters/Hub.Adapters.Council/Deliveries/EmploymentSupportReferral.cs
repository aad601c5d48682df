namespace Hub.Adapters.Council.Deliveries;

/// <summary>
/// A referral into the council's employment support (Ways into Work for the Work Programme, the Tri-borough
/// pilot for UC, or an information passport), as the key-worker service's intake takes it (DSA-011, 012, 016).
/// The mental-health indicator is there only when the claimant's consent released it.
/// </summary>
public sealed record EmploymentSupportReferral
{
    public required string ReferralId { get; init; }

    public string? Nino { get; init; }

    public required string Programme { get; init; }

    /// <summary>The receiving service; absent when the agreement does not release it (DSA-012).</summary>
    public string? Provider { get; init; }

    public required DateOnly ReferredOn { get; init; }

    public required IReadOnlyList<string> SupportNeeds { get; init; }

    public bool? MentalHealthIndicator { get; init; }

    public required string Purpose { get; init; }

    public required string SharedUnder { get; init; }

    public DateTimeOffset? RetainUntil { get; init; }
}
