namespace Hub.Adapters.Core.Mapping;

/// <summary>What a mapper made of one record: the mapped value, or every field-level problem that stopped it.</summary>
public sealed record MappingResult<T>
    where T : class
{
    private MappingResult(T? value, IReadOnlyList<FieldProblem> problems)
    {
        Value = value;
        Problems = problems;
    }

    public T? Value { get; }

    public IReadOnlyList<FieldProblem> Problems { get; }

    public bool Succeeded => Value is not null;

#pragma warning disable CA1000 // A factory on the generic result reads best at the call site.
    public static MappingResult<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), []);

    public static MappingResult<T> Failure(IReadOnlyList<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 0 ? throw new ArgumentException("A failure names at least one problem.", nameof(problems)) : new(null, problems);
    }
#pragma warning restore CA1000
}
