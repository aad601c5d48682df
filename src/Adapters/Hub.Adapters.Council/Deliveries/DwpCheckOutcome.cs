using Hub.Contracts.Employment.V1;

namespace Hub.Adapters.Council.Deliveries;

/// <summary>
/// DWP's answer to a council employment check, as a case note on the asking service's case (housing options,
/// Troubled Families or Ways into Work). It records the s131 footing and the no-onward-sharing obligation, because
/// s132 makes unlawful onward disclosure of s131 data an offence.
/// </summary>
public sealed record DwpCheckOutcome
{
    /// <summary>The query id the council sent, which finds the case the check was raised on.</summary>
    public required Guid QueryId { get; init; }

    public required EmploymentStatus Status { get; init; }

    public required DateOnly CheckedOn { get; init; }

    /// <summary>The service whose case takes the note, from the purpose the answer was shared for.</summary>
    public required string Service { get; init; }

    public required string Purpose { get; init; }

    /// <summary>e.g. <c>WRA2012-s131</c>; null when the answer was shared on the person's consent.</summary>
    public string? LegalGateway { get; init; }

    public string? ConsentRef { get; init; }

    public required bool OnwardSharingForbidden { get; init; }

    public required string SharedUnder { get; init; }

    public DateTimeOffset? RetainUntil { get; init; }
}
