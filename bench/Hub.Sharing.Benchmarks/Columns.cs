using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Hub.Sharing.Benchmarks;

/// <summary>Derived columns: mean time per decision, decisions per second (1 / that), and flows on the measured key.</summary>
public sealed class DecisionColumn(string name, Func<Summary, BenchmarkCase, string> value, string legend) : IColumn
{
    public static readonly IColumn NsPerDecision = new DecisionColumn("ns/decision", (s, b) => PerDecision(s, b) is { } ns ? ns.ToString("N1", CultureInfo.InvariantCulture) : "-", "Mean / decisions made per call");

    public static readonly IColumn DecisionsPerSecond = new DecisionColumn("decisions/s", (s, b) => PerDecision(s, b) is { } ns ? (1e9 / ns).ToString("N0", CultureInfo.InvariantCulture) : "-", "1 / (Mean / decisions per call), one core");

    public static readonly IColumn DecisionsPerSecondAtMin = new DecisionColumn("decisions/s @Min", (s, b) => PerDecision(s, b, min: true) is { } ns ? (1e9 / ns).ToString("N0", CultureInfo.InvariantCulture) : "-", "1 / (Min / decisions per call): the fastest iteration, least disturbed by other load on a shared machine");

    public static readonly IColumn FlowsOnKey = new DecisionColumn("flows/key", (_, b) => HotKeyFlows(b), "Flows loaded on each measured (source, event type, recipient) key; a decision walks all of them");

    public string Id => nameof(DecisionColumn) + "." + ColumnName;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => value(summary, benchmarkCase);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;

    private static double? PerDecision(Summary summary, BenchmarkCase benchmarkCase, bool min = false)
    {
        var decisions = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<DecisionsPerCallAttribute>()?.Decisions;
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        var time = min ? statistics?.Min : statistics?.Mean;
        return decisions is null || time is null ? null : time.Value / decisions.Value;
    }

    private static string HotKeyFlows(BenchmarkCase benchmarkCase)
    {
        var flows = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == nameof(DecisionBenchmarks.Flows))?.Value;
        var layout = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == nameof(DecisionBenchmarks.Layout))?.Value;
        return flows is int n && layout is Layout l ? AgreementGenerator.FlowsPerHotKey(n, l).ToString(CultureInfo.InvariantCulture) : "-";
    }
}
