using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.Performance.V1;

/// <summary>Aggregate performance indicators submitted once and fanned out to several bodies (F-35, AS-18).</summary>
[EventType("performance.indicators.submitted", Classification = DataClassification.AggregateNonPersonal)]
public sealed record IndicatorsSubmitted : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    /// <summary>Reporting period, e.g. <c>2026-Q3</c>.</summary>
    public required string Period { get; init; }

    public required string ReportingBody { get; init; }

    public required IReadOnlyList<IndicatorValue> Indicators { get; init; }
}
