namespace Hub.Contracts.Performance.V1;

/// <summary>One aggregate measure, e.g. a National Indicator or Vital Signs code and its value.</summary>
public sealed record IndicatorValue
{
    public required string Code { get; init; }

    public required decimal Value { get; init; }
}
