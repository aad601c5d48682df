namespace Hub.Adapters.Council.TroubledFamilies;

/// <summary>
/// The programme criteria the family meets, as the case system flags them. <see cref="AdultOutOfWork"/> comes from
/// DWP under s131 and stays with the council (DSA-019 releases it to no one).
/// </summary>
public sealed class FamilyCriteria
{
    public bool? CrimeOrAntisocialBehaviour { get; set; }

    public bool? EducationConcern { get; set; }

    public bool? AdultOutOfWork { get; set; }

    public bool? HealthConcern { get; set; }
}
