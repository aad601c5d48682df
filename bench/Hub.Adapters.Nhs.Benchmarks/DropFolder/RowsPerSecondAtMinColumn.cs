using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Hub.Adapters.Nhs.Benchmarks.DropFolder;

/// <summary>Resources/s from the fastest iteration (1 / Min per row): the figure least disturbed by other load on a shared machine.</summary>
public sealed class RowsPerSecondAtMinColumn : IColumn
{
    public string Id => nameof(RowsPerSecondAtMinColumn);

    public string ColumnName => "rows/s @Min";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "1 / Min per row: resources/s in the fastest iteration, the one least disturbed by other load";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Min is { } ns and > 0 ? (1e9 / ns).ToString("N0", CultureInfo.InvariantCulture) : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
