namespace Hub.Adapters.Nhs.Fhir;

/// <summary>
/// The hub's own code and identifier systems in the records the NHS receives, all under the configured
/// <see cref="NhsFhirOptions.CanonicalBase"/>, so every record names them alike. NHS and HL7 UK systems (NHS
/// number, ODS code) are in <see cref="FhirSystems"/>.
/// </summary>
public sealed class HubFhirSystems
{
    public HubFhirSystems(string canonicalBase)
    {
        if (!IsCanonicalBase(canonicalBase))
        {
            throw new ArgumentException("The canonical base must be an absolute https URL with no query, fragment or user info.", nameof(canonicalBase));
        }

        var root = canonicalBase.TrimEnd('/');
        Delivery = root + "/Id/delivery";
        Event = root + "/Id/event";
        ReportingPeriod = root + "/Id/reporting-period";
        EventType = root + "/CodeSystem/event-type";
        Agency = root + "/CodeSystem/agency";
        PerformanceIndicator = root + "/CodeSystem/performance-indicator";
        PerformanceIndicatorsMeasure = root + "/Measure/performance-indicators";
    }

    /// <summary>Hub delivery ids: a delivery record's identifier, so a receiving system can drop a redelivery.</summary>
    public string Delivery { get; }

    /// <summary>Hub event ids, e.g. the notice an amendment supersedes.</summary>
    public string Event { get; }

    /// <summary>Reporting-period labels (<c>2026-Q3</c>) of an indicators report.</summary>
    public string ReportingPeriod { get; }

    /// <summary>Hub event-type names (<c>custody.release.scheduled</c>) as a delivery record's topic.</summary>
    public string EventType { get; }

    /// <summary>Hub agency codes (<c>probation</c>, <c>council</c>) naming a sender or reporting body.</summary>
    public string Agency { get; }

    /// <summary>Performance indicator codes (National Indicators, Vital Signs), e.g. <c>NI-039</c>, <c>VSA-13</c>.</summary>
    public string PerformanceIndicator { get; }

    /// <summary>The measure an indicators report reports on (<c>MeasureReport.measure</c>).</summary>
    public string PerformanceIndicatorsMeasure { get; }

    /// <summary>An absolute https URL with no query, fragment or user info.</summary>
    public static bool IsCanonicalBase(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.Fragment)
        && string.IsNullOrEmpty(uri.UserInfo)
        && !value!.Any(char.IsWhiteSpace);
}
