namespace Hub.Adapters.Probation.Transfers;

/// <summary>A case-transfer row from the probation case system (CSV): lead responsibility moves between agencies.</summary>
public sealed class CaseTransferRecord
{
    public string? TransferId { get; set; }

    public string? Crn { get; set; }

    public string? PncId { get; set; }

    public string? FromAgency { get; set; }

    public string? ToAgency { get; set; }

    /// <summary>Team or role of the new lead (never a personal name).</summary>
    public string? NewLeadRole { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? Reason { get; set; }
}
