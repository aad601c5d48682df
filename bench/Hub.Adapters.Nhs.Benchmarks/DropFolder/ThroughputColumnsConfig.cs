using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Hub.Adapters.Nhs.Benchmarks.DropFolder;

/// <summary>Op/s (resources/s, the mean being per row), Min, Median and resources/s at Min beside the default columns.</summary>
public sealed class ThroughputColumnsConfig : ManualConfig
{
    public ThroughputColumnsConfig() => AddColumn(StatisticColumn.OperationsPerSecond, StatisticColumn.Min, StatisticColumn.Median, new RowsPerSecondAtMinColumn());
}
