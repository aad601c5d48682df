namespace Hub.Router.Consent;

/// <summary>
/// One consent in the registry, as recorded through the hub and, if so, withdrawn. The subject appears only as the
/// ledger's keyed pseudonyms; <see cref="Recipients"/> holds the named recipients or, for an agreement-scoped
/// consent, the agreement's parties when the consent was recorded (what the person was told), empty meaning any party.
/// </summary>
public sealed record ConsentRecord
{
    public required string ConsentId { get; init; }

    /// <summary>The agency whose ingress the consent arrived on; only it may withdraw the consent.</summary>
    public required string RecordedBy { get; init; }

    public required IReadOnlyList<string> Purposes { get; init; }

    public required IReadOnlyList<string> Recipients { get; init; }

    public string? AgreementId { get; init; }

    public required DateTimeOffset GivenAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Where the recording agency holds the signed form or recording.</summary>
    public required string EvidenceRef { get; init; }

    public required IReadOnlyList<string> SubjectPseudonyms { get; init; }

    /// <summary>The <c>consent.recorded</c> event that registered it.</summary>
    public required Guid EventId { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Hash of the defining fields: a second registration with other content is a conflict.</summary>
    public required string ContentHash { get; init; }

    public ConsentWithdrawal? Withdrawal { get; init; }
}
