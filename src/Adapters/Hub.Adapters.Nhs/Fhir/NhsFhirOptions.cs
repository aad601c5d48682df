namespace Hub.Adapters.Nhs.Fhir;

/// <summary>
/// <c>Nhs:Fhir</c>: how the FHIR records the NHS adapter writes name the hub's own code and identifier systems.
/// </summary>
public sealed class NhsFhirOptions
{
    public const string SectionName = "Nhs:Fhir";

    /// <summary>
    /// The https base under which the hub's own systems live (<c>{base}/Id/delivery</c>,
    /// <c>{base}/CodeSystem/agency</c>, …): a host the hub's operator controls, so a receiving system can resolve
    /// or at least trust the names. Required; the shipped <c>appsettings.json</c> uses an <c>.example</c> host for
    /// the demo only.
    /// </summary>
    public string CanonicalBase { get; set; } = string.Empty;
}
