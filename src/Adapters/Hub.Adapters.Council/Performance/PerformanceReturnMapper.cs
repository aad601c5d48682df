using System.Text.RegularExpressions;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Performance.V1;

namespace Hub.Adapters.Council.Performance;

/// <summary>
/// A signed-off return becomes <c>performance.indicators.submitted</c> (DSA-018), aggregate-non-personal: no
/// subject, and a consent tag with the collection purpose only, because no person's consent can cover a statistic
/// and non-personal data needs no gateway (ADR 0005; the router refuses an aggregate event carrying either).
/// </summary>
public sealed partial class PerformanceReturnMapper
{
    public const string RecordKind = "performance-return";

    public MappingResult<IndicatorsSubmitted> Map(PerformanceReturnRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new FieldReader();
        var id = fields.Required("returnId", record.ReturnId);
        var period = fields.Required("period", record.Period);
        if (period.Length > 0 && !PeriodPattern().IsMatch(period))
        {
            fields.Add("period", "must be a quarter (yyyy-Qn) or a financial year (yyyy-yy)");
        }

        var body = fields.Required("reportingBody", record.ReportingBody?.ToLowerInvariant());
        var signedOffAt = fields.Timestamp("signedOffAt", record.SignedOffAt);
        var lines = record.Indicators ?? [];
        if (lines.Count == 0)
        {
            fields.Add("indicators", "must list at least one indicator");
        }

        var indicators = new List<IndicatorValue>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line)
            {
                fields.Add($"indicators[{i}]", "is empty");
                continue;
            }

            var code = fields.Required($"indicators[{i}].code", line.Code?.ToUpperInvariant());
            if (code.Length > 0 && !CodePattern().IsMatch(code))
            {
                fields.Add($"indicators[{i}].code", "is not a National Indicator (NI-nnn) or Vital Signs (VSBnn) code");
            }
            else if (indicators.Any(v => v.Code == code))
            {
                fields.Add($"indicators[{i}].code", "appears twice in the return");
            }

            if (line.Value is not { } value)
            {
                fields.Add($"indicators[{i}].value", "is required");
                continue;
            }

            indicators.Add(new IndicatorValue { Code = code, Value = value });
        }

        if (fields.HasProblems)
        {
            return MappingResult<IndicatorsSubmitted>.Failure(fields.Problems);
        }

        return MappingResult<IndicatorsSubmitted>.Success(new IndicatorsSubmitted
        {
            Envelope = new EventEnvelope
            {
                EventId = RecordEventIds.For(AgencyCode.Council, RecordKind, id),
                OccurredAt = signedOffAt,
                Source = AgencyCode.Council,
                Subject = null,
                Classification = DataClassification.AggregateNonPersonal,
                Consent = new ConsentTag { CollectionPurpose = "performance-reporting" },
            },
            Period = period,
            ReportingBody = body,
            Indicators = indicators,
        });
    }

    [GeneratedRegex(@"^\d{4}-(Q[1-4]|\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"^(NI-\d{3}|VSB\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
