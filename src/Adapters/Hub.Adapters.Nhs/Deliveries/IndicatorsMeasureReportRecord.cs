using System.Globalization;
using Hl7.Fhir.Model;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Nhs.Fhir;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Nhs.Deliveries;

/// <summary>
/// <c>performance.indicators.submitted</c> from the council (DSA-018 F1) as the FHIR <c>MeasureReport</c> the PCT
/// reads its own Vital Signs from: type <c>summary</c>, no subject, one <c>group</c> per indicator. The period's
/// label (e.g. <c>2026-Q3</c>) is kept as an <c>identifier</c>; a quarter or a <c>start/end</c> range also becomes
/// the FHIR <c>period</c>. No UK Core profile exists for MeasureReport, so it claims none; the reporting body is a hub
/// agency code (no ODS code is known for it).
/// </summary>
public static class IndicatorsMeasureReportRecord
{
    public static MappingResult<object> Map(EventDelivered delivery, HubFhirSystems systems)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(systems);
        var fields = new FieldReader();
        var payload = new DeliveryPayloadReader(delivery, fields);
        var period = payload.Required("period");
        var reportingBody = payload.Required("reportingBody");
        var groups = new List<MeasureReport.GroupComponent>();
        var indicators = payload.Elements("indicators");
        for (var i = 0; i < indicators.Count; i++)
        {
            var code = indicators[i].Required("code");
            if (indicators[i].Quantity("value") is not { } value)
            {
                fields.Add($"payload.indicators[{i}].value", "is required (a number)");
                continue;
            }

            groups.Add(new MeasureReport.GroupComponent
            {
                Code = new CodeableConcept(systems.PerformanceIndicator, code),
                MeasureScore = new Quantity { Value = value },
            });
        }

        if (indicators.Count == 0)
        {
            fields.Add("payload.indicators", "needs at least one indicator");
        }

        if (fields.HasProblems)
        {
            return MappingResult<object>.Failure(fields.Problems);
        }

        var report = new MeasureReport
        {
            Id = delivery.DeliveryId.ToString("D", CultureInfo.InvariantCulture),
            Identifier =
            [
                new Identifier(systems.Delivery, delivery.DeliveryId.ToString("D", CultureInfo.InvariantCulture)),
                new Identifier(systems.ReportingPeriod, period),
            ],
            Status = MeasureReport.MeasureReportStatus.Complete,
            Type = MeasureReport.MeasureReportType.Summary,
            Measure = systems.PerformanceIndicatorsMeasure,
            Date = new FhirDateTime(delivery.OccurredAt).Value,
            Reporter = new ResourceReference { Identifier = new Identifier(systems.Agency, reportingBody), Display = reportingBody },
            Group = groups,
        };
        if (PeriodOf(period) is { } fhirPeriod)
        {
            report.Period = fhirPeriod;
        }

        report.Text = MeasureReportNarrative.For(report, systems);
        return MappingResult<object>.Success(FhirR4Resource.From(report));
    }

    /// <summary><c>2026-Q3</c> is 2026-07-01 to 2026-09-30; <c>start/end</c> ISO dates are taken as they are; else none.</summary>
    private static Period? PeriodOf(string label)
    {
        if (label.Length == 7 && label[4..6] == "-Q" && int.TryParse(label[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && label[6] is >= '1' and <= '4')
        {
            var start = new DateOnly(year, ((label[6] - '1') * 3) + 1, 1);
            return new Period(new FhirDateTime(Day(start)), new FhirDateTime(Day(start.AddMonths(3).AddDays(-1))));
        }

        var parts = label.Split('/');
        return parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
                ? new Period(new FhirDateTime(Day(from)), new FhirDateTime(Day(to)))
                : null;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
