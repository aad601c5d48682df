namespace Hub.Adapters.Nhs.Fhir;

/// <summary>
/// Identifier and code systems the NHS adapter reads and writes, so every mapper agrees on them. The hub's own
/// systems in the records it writes are configured: see <see cref="HubFhirSystems"/>.
/// </summary>
public static class FhirSystems
{
    public const string NhsNumber = "https://fhir.nhs.uk/Id/nhs-number";
    public const string OdsOrganisation = "https://fhir.nhs.uk/Id/ods-organization-code";
    public const string LocalPatientId = "https://fhir.nhs.uk/Id/local-patient-identifier";
    public const string DischargeDisposition = "http://terminology.hl7.org/CodeSystem/discharge-disposition";

    /// <summary>HL7 UK's identifier system for a National Insurance number (needed where DWP or JCP receive the record).</summary>
    public const string Nino = "https://fhir.hl7.org.uk/Id/nino";

    public const string Snomed = "http://snomed.info/sct";

    /// <summary>SNOMED CT 74732009 |Mental disorder|: a referral reason with it sets the mental-health indicator.</summary>
    public const string SnomedMentalDisorder = "74732009";

    public const string CommunicationCategory = "http://terminology.hl7.org/CodeSystem/communication-category";

    /// <summary>The hub's consent registry references (e.g. <c>P-ELFT-3307</c>), cited from a request's <c>supportingInfo</c>.</summary>
    public const string HubConsent = "https://fhir.agencyhub.example/Id/consent";
    /// <summary>Employment-support programmes a referral is made to (<c>recovery-and-social-inclusion</c>).</summary>
    public const string Programme = "https://fhir.agencyhub.example/CodeSystem/programme";

    /// <summary>Support needs a referral names (<c>confidence</c>, <c>benefits-advice</c>).</summary>
    public const string SupportNeed = "https://fhir.agencyhub.example/CodeSystem/support-need";

    /// <summary>Treatment regimes that must continue on release (<c>opioid-substitution-therapy</c>).</summary>
    public const string TreatmentRegime = "https://fhir.agencyhub.example/CodeSystem/treatment-regime";

    /// <summary>Performance indicator codes (National Indicators, Vital Signs), e.g. <c>NI-039</c>, <c>VSA-13</c>.</summary>
    public const string PerformanceIndicator = "https://fhir.agencyhub.example/CodeSystem/performance-indicator";
}
