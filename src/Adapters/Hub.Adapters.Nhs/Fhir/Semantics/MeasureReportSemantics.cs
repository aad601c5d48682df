using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;
using Status = Hl7.Fhir.Model.MeasureReport.MeasureReportStatus;

namespace Hub.Adapters.Nhs.Fhir.Semantics;

/// <summary>
/// What a MeasureReport means under R4 for an indicators return: only a <c>complete</c> report is acted on;
/// <c>pending</c> (still being produced) and <c>error</c> (it could not be produced) are not. An aggregate return
/// names no person, so nothing is retracted (docs/adr/0020).
/// </summary>
public static class MeasureReportSemantics
{
    public static IReadOnlySet<Status> ActionableStatuses { get; } = new HashSet<Status> { Status.Complete };

    public static void Check(MeasureReport report, FieldReader fields)
    {
        ArgumentNullException.ThrowIfNull(report);
        FhirModifiers.Check(report, fields);
        FhirActionability.Status(report.Status, ActionableStatuses, "MeasureReport.status", fields);
    }
}
