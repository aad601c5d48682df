namespace Hub.Adapters.Jcp.Deliveries;

/// <summary>
/// An employment-status query as a work item in the benefit system's check queue (DSA-010, 013, 019). It carries
/// the footing and purpose the answer must keep, the same columns the answered-check export
/// (<c>employment-status-checks*.csv</c>) reads back: query id, consent_ref or legal_gateway, purpose.
/// </summary>
public sealed record StatusCheckWorkItem
{
    public required Guid QueryId { get; init; }

    public required string Nino { get; init; }

    public required DateOnly JobStartDate { get; init; }

    public required int CheckpointWeeks { get; init; }

    public required string RequestingProvider { get; init; }

    /// <summary>The purpose the query was shared for; the answer is tagged with it (s131 binds the answer to it).</summary>
    public required string Purpose { get; init; }

    public string? ConsentRef { get; init; }

    public string? LegalGateway { get; init; }

    public required string SharedUnder { get; init; }

    public DateTimeOffset? RetainUntil { get; init; }
}
