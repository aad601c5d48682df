namespace Hub.Contracts.Measures;

/// <summary>A quantity as the source sent it: its value and its UCUM unit code (<c>mg</c>, <c>mL</c>), unconverted.</summary>
public sealed record UcumQuantity
{
    public required decimal Value { get; init; }

    /// <summary>The UCUM code (system <c>http://unitsofmeasure.org</c>), e.g. <c>mL</c>.</summary>
    public required string Unit { get; init; }
}
