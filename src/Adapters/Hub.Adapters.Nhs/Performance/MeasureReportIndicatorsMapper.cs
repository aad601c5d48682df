using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Nhs.Fhir;
using Hub.Adapters.Nhs.Fhir.Semantics;
using Hub.Adapters.Nhs.Fhir.Codings;
using Hub.Adapters.Nhs.Fhir.Dates;
using Hub.Adapters.Nhs.Fhir.Validation;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Performance.V1;
using Hub.Contracts.Temporal;

namespace Hub.Adapters.Nhs.Performance;

/// <summary>
/// The PCT's Vital Signs return as a FHIR R4 <c>MeasureReport</c> of type <c>summary</c> becomes
/// <c>performance.indicators.submitted</c> (DSA-018). It is aggregate, non-personal data (ADR 0005): the report must
/// name no subject, and the event carries no subject, no consent reference and no gateway. Each <c>group</c> is one
/// indicator: its code and its <c>measureScore</c>. Only a report R4 says is to be acted on maps (see
/// <see cref="MeasureReportSemantics"/>).
/// </summary>
public sealed class MeasureReportIndicatorsMapper(FhirR4Validator? validator = null, FhirCodingOptions? codings = null, TimeProvider? time = null)
{
    private readonly FhirR4Validator _validator = validator ?? FhirR4Validator.Unlogged;
    private readonly FhirCodingOptions _codings = codings ?? new FhirCodingOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public const string CollectionPurpose = "performance-reporting";
    public const string RecordKind = "measure-report-indicators";

    public MappingResult<IndicatorsSubmitted> Map(string measureReportJson) => Map(_validator.Check(FhirResourceReader.Read<MeasureReport>(measureReportJson)));

    public MappingResult<IndicatorsSubmitted> Map(JsonElement measureReport) => Map(_validator.Check(FhirResourceReader.Read<MeasureReport>(measureReport)));

    public MappingResult<IndicatorsSubmitted> Map(MeasureReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var fields = new FieldReader();
        var id = fields.Required("MeasureReport.id", report.Id);
        MeasureReportSemantics.Check(report, fields);

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
        var occurred = FhirOccurredAt.Of(_time, FhirDates.Read("MeasureReport.date", report.Date, fields), FhirOccurredAt.Instant(report.Meta?.LastUpdated));
        var indicators = IndicatorsOf(report, fields);
        if (fields.HasProblems)
        {
            return MappingResult<IndicatorsSubmitted>.Failure(fields.Problems);
        }

        return MappingResult<IndicatorsSubmitted>.Success(new IndicatorsSubmitted
        {
            Envelope = new EventEnvelope
            {
                EventId = FhirEventIds.For(RecordKind, id, report.Meta?.VersionId),
                OccurredAt = occurred.Start,
                OccurredAtPrecision = occurred.Precision,
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

    /// <summary>
    /// A calendar quarter reads <c>2026-Q3</c> (<c>2026-07-01</c>..<c>2026-09-30</c>, or <c>2026-07</c>..<c>2026-09</c>);
    /// any other period <c>start/end</c> at the precision sent (<c>2026-07-01/2026-08-15</c>, <c>2026-07/2026-08</c>;
    /// a dateTime reads as its date).
    /// </summary>
    private static string? PeriodOf(Period? period, FieldReader fields)
    {
        var start = FhirDates.Read("MeasureReport.period.start", fields.Required("MeasureReport.period.start", period?.Start), fields);
        var end = FhirDates.Read("MeasureReport.period.end", fields.Required("MeasureReport.period.end", period?.End), fields);
        if (start is null || end is null)
        {
            return null;
        }

        var (first, last) = (FirstDay(start), LastDay(end));
        if (last < first)
        {
            fields.Add("MeasureReport.period.end", "must not be before period.start");
            return null;
        }

        var quarter = ((first.Month - 1) / 3) + 1;
        var isQuarter = first.Day == 1 && first.Month % 3 == 1 && last == first.AddMonths(3).AddDays(-1);
        return isQuarter
            ? string.Create(CultureInfo.InvariantCulture, $"{first.Year}-Q{quarter}")
            : $"{AsSent(start, period!.Start!)}/{AsSent(end, period.End!)}";
    }

    private static DateOnly FirstDay(FhirPartialDateTime value) => value.Day ?? DateOnly.FromDateTime(value.Start.UtcDateTime);

    private static DateOnly LastDay(FhirPartialDateTime value) => value.Day ?? value.Precision switch
    {
        DateTimePrecision.Year => FirstDay(value).AddYears(1).AddDays(-1),
        _ => FirstDay(value).AddMonths(1).AddDays(-1),
    };

    private static string AsSent(FhirPartialDateTime value, string text) =>
        value.Precision is null ? value.Day!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : text;

    private List<IndicatorValue> IndicatorsOf(MeasureReport report, FieldReader fields)
    {
        if (report.Group.Count == 0)
        {
            fields.Add("MeasureReport.group", "needs at least one indicator");
        }

        var indicators = new List<IndicatorValue>();
        for (var i = 0; i < report.Group.Count; i++)
        {
            var group = report.Group[i];
            var code = fields.Required($"MeasureReport.group[{i}].code.coding[indicator]", FhirCodes.In(group.Code, _codings.PerformanceIndicator));
            if (group.MeasureScore?.Value is not { } value)
            {
                fields.Add($"MeasureReport.group[{i}].measureScore.value", "is required");
                continue;
            }

            indicators.Add(new IndicatorValue { Code = code, Value = value });
        }

        return indicators;
    }

    private MappingResult<IndicatorsSubmitted> Map(MappingResult<MeasureReport> parsed) =>
        parsed.Value is { } report ? Map(report) : MappingResult<IndicatorsSubmitted>.Failure(parsed.Problems);
}
