using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.Family.V1;

/// <summary>
/// The council convenes a multi-agency case conference (panel) for a family in a programme such as Troubled
/// Families (F-29, AS-19). The envelope's subject is the family's lead adult. The programme criteria the family
/// meets travel as flags; <see cref="AdultOutOfWork"/> is DWP-sourced when the council learnt it under WRA 2012 s131.
/// </summary>
[EventType("family.case-conference.convened", Classification = DataClassification.CriminalOffence)]
public sealed record CaseConferenceConvened : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    /// <summary>The programme's reference for the family.</summary>
    public required string FamilyId { get; init; }

    /// <summary>The programme, e.g. <c>troubled-families</c>.</summary>
    [Code]
    public required string Programme { get; init; }

    public required DateTimeOffset ConvenedFor { get; init; }

    /// <summary>Team or role of the family's lead professional (not a personal name).</summary>
    public string? LeadProfessional { get; init; }

    /// <summary>Programme criterion: crime or anti-social behaviour in the household.</summary>
    public bool? CrimeOrAntisocialBehaviour { get; init; }

    /// <summary>Programme criterion: a child not attending school, or excluded.</summary>
    public bool? EducationConcern { get; init; }

    /// <summary>Programme criterion: an adult on out-of-work benefits. DWP-sourced (s131): it stays with the council.</summary>
    public bool? AdultOutOfWork { get; init; }

    /// <summary>Programme criterion: health problems in the household.</summary>
    [SpecialCategory]
    public bool? HealthConcern { get; init; }

    public int? ChildrenInHousehold { get; init; }
}
