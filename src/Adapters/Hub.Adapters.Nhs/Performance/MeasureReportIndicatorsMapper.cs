using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Nhs.Fhir;
using Hub.Adapters.Nhs.Fhir.Validation;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Performance.V1;

namespace Hub.Adapters.Nhs.Performance;

/// <summary>
/// The PCT's Vital Signs return as a FHIR R4 <c>MeasureReport</c> of type <c>summary</c> becomes
/// <c>performance.indicators.submitted</c> (DSA-018). It is aggregate, non-personal data (ADR 0005): the report must
/// name no subject, and the event carries no subject, no consent reference and no gateway. Each <c>group</c> is one
/// indicator: its code and its <c>measureScore</c>.
/// </summary>
public sealed class MeasureReportIndicatorsMapper(FhirR4Validator? validator = null)
{
    private readonly FhirR4Validator _validator = validator ?? FhirR4Validator.Unlogged;

    public const string CollectionPurpose = "performance-reporting";

    public MappingResult<IndicatorsSubmitted> Map(string measureReportJson) => Map(_validator.Check(FhirResourceReader.Read<MeasureReport>(measureReportJson)));

    public MappingResult<IndicatorsSubmitted> Map(JsonElement measureReport) => Map(_validator.Check(FhirResourceReader.Read<MeasureReport>(measureReport)));

    public MappingResult<IndicatorsSubmitted> Map(MeasureReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var fields = new FieldReader();
        var id = fields.Required("MeasureReport.id", report.Id);
        if (report.Status is not MeasureReport.MeasureReportStatus.Complete)
        {
            fields.Add("MeasureReport.status", "must be complete");
        }

        if (report.Type is not MeasureReport.MeasureReportType.Summary)
        {
            fields.Add("MeasureReport.type", "must be summary: only aggregate returns are shared");
        }

        if (report.Subject is not null)
        {
            fields.Add("MeasureReport.subject", "must be absent: an aggregate return identifies no person");
        }

        var reportingBody = fields.Required("MeasureReport.reporter.identifier.value", report.Reporter?.Identifier?.Value);
        var period = PeriodOf(report.Period, fields);
        var generatedAt = fields.Timestamp("MeasureReport.date", report.Date);
        var indicators = IndicatorsOf(report, fields);
        if (fields.HasProblems)
        {
            return MappingResult<IndicatorsSubmitted>.Failure(fields.Problems);
        }

        return MappingResult<IndicatorsSubmitted>.Success(new IndicatorsSubmitted
        {
            Envelope = new EventEnvelope
            {
                EventId = RecordEventIds.For(AgencyCode.Nhs, "measure-report-indicators", $"{id}/{report.Meta?.VersionId ?? "1"}"),
                OccurredAt = generatedAt,
                Source = AgencyCode.Nhs,
                Subject = null,
                Classification = DataClassification.AggregateNonPersonal,
                Consent = new ConsentTag { CollectionPurpose = CollectionPurpose },
            },
            Period = period!,
            ReportingBody = reportingBody,
            Indicators = indicators,
        });
    }

    /// <summary>A calendar quarter reads <c>2026-Q3</c>; any other period <c>start/end</c> (ISO 8601 dates).</summary>
    private static string? PeriodOf(Period? period, FieldReader fields)
    {
        var start = fields.Date("MeasureReport.period.start", Day(period?.Start));
        var end = fields.Date("MeasureReport.period.end", Day(period?.End));
        if (start == default || end == default)
        {
            return null;
        }

        if (end < start)
        {
            fields.Add("MeasureReport.period.end", "must not be before period.start");
            return null;
        }

        var quarter = ((start.Month - 1) / 3) + 1;
        var isQuarter = start.Day == 1 && start.Month % 3 == 1 && end == start.AddMonths(3).AddDays(-1);
        return isQuarter
            ? string.Create(CultureInfo.InvariantCulture, $"{start.Year}-Q{quarter}")
            : string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd}/{end:yyyy-MM-dd}");
    }

    private static List<IndicatorValue> IndicatorsOf(MeasureReport report, FieldReader fields)
    {
        if (report.Group.Count == 0)
        {
            fields.Add("MeasureReport.group", "needs at least one indicator");
        }

        var indicators = new List<IndicatorValue>();
        for (var i = 0; i < report.Group.Count; i++)
        {
            var group = report.Group[i];
            var code = fields.Required($"MeasureReport.group[{i}].code.coding[0].code", group.Code?.Coding.FirstOrDefault()?.Code);
            if (group.MeasureScore?.Value is not { } value)
            {
                fields.Add($"MeasureReport.group[{i}].measureScore.value", "is required");
                continue;
            }

            indicators.Add(new IndicatorValue { Code = code, Value = value });
        }

        return indicators;
    }

    /// <summary>The date part of a FHIR date or dateTime (<c>2026-09-30T23:59:59Z</c> reads as 2026-09-30).</summary>
    private static string? Day(string? value) => value is { Length: >= 10 } ? value[..10] : value;

    private MappingResult<IndicatorsSubmitted> Map(MappingResult<MeasureReport> parsed) =>
        parsed.Value is { } report ? Map(report) : MappingResult<IndicatorsSubmitted>.Failure(parsed.Problems);
}
