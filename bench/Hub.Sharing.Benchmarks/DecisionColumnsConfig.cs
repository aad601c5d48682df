using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Hub.Sharing.Benchmarks;

/// <summary>Adds the derived per-decision columns to the summary table.</summary>
public sealed class DecisionColumnsConfig : ManualConfig
{
    public DecisionColumnsConfig() =>
        AddColumn(StatisticColumn.Min, StatisticColumn.Median, DecisionColumn.FlowsOnKey, DecisionColumn.NsPerDecision, DecisionColumn.DecisionsPerSecond, DecisionColumn.DecisionsPerSecondAtMin);
}
