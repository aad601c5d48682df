namespace Hub.Sharing.Benchmarks;

/// <summary>How many recipient decisions one call of the benchmark makes; read by the decisions/s column.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DecisionsPerCallAttribute(int decisions) : Attribute
{
    public int Decisions { get; } = decisions;
}
