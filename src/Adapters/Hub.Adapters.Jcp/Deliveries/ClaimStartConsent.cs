namespace Hub.Adapters.Jcp.Deliveries;

/// <summary>
/// The prisoner's consent to start a benefit claim before release (DSA-005), as the claim system files it: the
/// adviser starts the claim on it and books the appointment when the release notice arrives.
/// </summary>
public sealed record ClaimStartConsent
{
    public required string ConsentId { get; init; }

    public required string Nino { get; init; }

    public required IReadOnlyList<string> Purposes { get; init; }

    public required DateTimeOffset GivenAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Where the signed form is held at the prison, for the claim's evidence.</summary>
    public string? EvidenceRef { get; init; }

    public required string SharedUnder { get; init; }

    public DateTimeOffset? RetainUntil { get; init; }
}
