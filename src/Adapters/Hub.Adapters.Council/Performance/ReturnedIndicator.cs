namespace Hub.Adapters.Council.Performance;

/// <summary>One indicator line of a performance return: its National Indicator or Vital Signs code and value.</summary>
public sealed class ReturnedIndicator
{
    public string? Code { get; set; }

    public decimal? Value { get; set; }

    /// <summary>The performance officer's commentary; kept at the council.</summary>
    public string? Commentary { get; set; }
}
