namespace Hub.WebConsole.Agreements;

/// <summary>
/// What the agreements in force say for one source, event type and recipient: the forbidding and permitting flows
/// (as <c>DSA-001@4 F1-police-iom</c>). A forbid overrides every permit; no flow means nothing is shared.
/// </summary>
public sealed record MatrixCell(IReadOnlyList<MatrixFlow> Forbids, IReadOnlyList<MatrixFlow> Permits)
{
    public static MatrixCell Nothing { get; } = new([], []);

    public MatrixVerdict Verdict => Forbids.Count > 0 ? MatrixVerdict.Forbid : Permits.Count > 0 ? MatrixVerdict.Permit : MatrixVerdict.Nothing;

    /// <summary>True when the verdict holds only if a flow's conditions or consent are met.</summary>
    public bool IsQualified => Verdict switch
    {
        MatrixVerdict.Forbid => Forbids.All(f => f.IsQualified),
        MatrixVerdict.Permit => Permits.All(f => f.IsQualified),
        _ => false,
    };
}
