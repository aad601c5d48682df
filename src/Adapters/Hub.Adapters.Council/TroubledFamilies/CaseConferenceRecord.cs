namespace Hub.Adapters.Council.TroubledFamilies;

/// <summary>
/// A family case conference (panel) as the Troubled Families case system exports it (JSON): the family, the
/// programme, when the panel sits, the lead professional's team, the lead adult and the criteria met (AS-19).
/// </summary>
public sealed class CaseConferenceRecord
{
    public string? ConferenceId { get; set; }

    public string? FamilyId { get; set; }

    /// <summary>e.g. <c>troubled-families</c> or <c>early-help</c>; only Troubled Families panels go out (DSA-019).</summary>
    public string? Programme { get; set; }

    /// <summary>When the panel was convened (the event's time).</summary>
    public string? ConvenedAt { get; set; }

    /// <summary>When the panel sits.</summary>
    public string? ConvenedFor { get; set; }

    /// <summary>Team or role of the family's lead professional, never a personal name.</summary>
    public string? LeadProfessional { get; set; }

    public FamilyLeadAdult? LeadAdult { get; set; }

    public FamilyCriteria? Criteria { get; set; }

    public int? ChildrenInHousehold { get; set; }

    /// <summary>The panel's agenda notes; kept at the council, never shared.</summary>
    public string? AgendaNotes { get; set; }
}
