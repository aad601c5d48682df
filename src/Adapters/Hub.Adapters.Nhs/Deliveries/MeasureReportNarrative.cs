using Hl7.Fhir.Model;
using Hub.Adapters.Nhs.Fhir;

namespace Hub.Adapters.Nhs.Deliveries;

/// <summary>
/// The plain-language narrative of an indicators <c>MeasureReport</c>, read back from the resource's own elements
/// (reporting-period identifier, period, reporter, date, one line per group). Aggregate figures: no person in it.
/// </summary>
public static class MeasureReportNarrative
{
    public static Narrative For(MeasureReport report, HubFhirSystems systems)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(systems);
        var facts = new List<string>();
        if (report.Identifier.FirstOrDefault(i => i.System == systems.ReportingPeriod)?.Value is { } label)
        {
            facts.Add(report.Period is { Start: { } start, End: { } end } ? $"Reporting period: {label} ({start} to {end})" : $"Reporting period: {label}");
        }

        if (report.Reporter?.Display is { } reporter)
        {
            facts.Add($"Reported by: {reporter}");
        }

        if (report.Date is { } date)
        {
            facts.Add($"Report date: {date}");
        }

        facts.AddRange(report.Group
            .Where(g => g.Code?.Coding.FirstOrDefault()?.Code is not null && g.MeasureScore?.Value is not null)
            .Select(g => $"{g.Code!.Coding[0].Code}: {NarrativeText.Format(g.MeasureScore!.Value!.Value)}"));
        return FhirNarrative.Generated("Performance indicators (summary, aggregate figures)", facts, []);
    }
}
