namespace Hub.Adapters.Probation.Deliveries;

/// <summary>
/// A contact (with an optional alert) on an offender's case, as the probation case system (nDelius-style) imports
/// it: the case is found by PNC id because that is the identifier partners may send; the text is fixed wording,
/// never a partner's free text, so no clinical detail reaches the case record.
/// </summary>
public sealed record CaseContact
{
    /// <summary>The delivery id: a redelivery updates the same contact.</summary>
    public required Guid ContactId { get; init; }

    public required string PncId { get; init; }

    /// <summary>Contact type code in the case system, e.g. <c>TREATMENT_HANDOVER</c>.</summary>
    public required string ContactType { get; init; }

    public required DateOnly ContactDate { get; init; }

    /// <summary>Outcome code, e.g. <c>HANDOVER_IN_PLACE</c> or <c>HANDOVER_NOT_IN_PLACE</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>True when the offender manager must act (it raises an alert on the case).</summary>
    public required bool Alert { get; init; }

    /// <summary>Health-derived contacts are marked sensitive so only the case's own team sees them.</summary>
    public required bool Sensitive { get; init; }

    public required string Notes { get; init; }

    /// <summary><c>agreement@version/flow</c> the contact was shared under.</summary>
    public required string SharedUnder { get; init; }

    /// <summary>When the contact must be deleted, from the agreement's retention; null when it sets none.</summary>
    public DateTimeOffset? RetainUntil { get; init; }

    public required bool OnwardSharingForbidden { get; init; }
}
