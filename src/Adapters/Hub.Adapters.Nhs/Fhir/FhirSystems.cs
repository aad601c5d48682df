namespace Hub.Adapters.Nhs.Fhir;

/// <summary>Identifier and code systems the NHS adapter reads.</summary>
public static class FhirSystems
{
    public const string NhsNumber = "https://fhir.nhs.uk/Id/nhs-number";
    public const string OdsOrganisation = "https://fhir.nhs.uk/Id/ods-organization-code";
    public const string LocalPatientId = "https://fhir.nhs.uk/Id/local-patient-identifier";
    public const string DischargeDisposition = "http://terminology.hl7.org/CodeSystem/discharge-disposition";
}
