namespace Hub.Adapters.Nhs.Fhir;

/// <summary>
/// The UK Core R4 profiles the NHS adapter's records claim in <c>meta.profile</c>, only where a record conforms.
/// UK Core has a Communication profile (which adds no constraint to base R4 beyond must-support on
/// <c>subject</c>); it has no MeasureReport profile, so the indicators record claims none.
/// </summary>
public static class UkCoreProfiles
{
    public const string Communication = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Communication";
}
