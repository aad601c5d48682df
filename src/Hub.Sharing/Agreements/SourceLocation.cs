namespace Hub.Sharing.Agreements;

/// <summary>Where a clause is written, so explanations and errors can point at it.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation Unknown { get; } = new(string.Empty, 0, 0);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
