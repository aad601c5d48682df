namespace Hub.Adapters.Council.TroubledFamilies;

/// <summary>The family's lead adult as the Troubled Families case system holds them: the event's subject.</summary>
public sealed class FamilyLeadAdult
{
    /// <summary>The family member's case reference, the agency-local id.</summary>
    public string? PersonRef { get; set; }

    public string? Nino { get; set; }

    public string? NhsNumber { get; set; }

    public string? PncId { get; set; }
}
