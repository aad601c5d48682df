namespace Hub.Adapters.Core.Mapping;

/// <summary>One thing wrong with a source record: the field (as the source names it) and what is wrong, never its value.</summary>
public sealed record FieldProblem(string Field, string Problem)
{
    public override string ToString() => $"{Field}: {Problem}";
}
