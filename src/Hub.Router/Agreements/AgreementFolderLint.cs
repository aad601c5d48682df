using Hub.Sharing.Agreements;

namespace Hub.Router.Agreements;

/// <summary>
/// One reading of the agreements folder: what lint says of the files on disk (every error, for the log and
/// readiness), and the set to apply, built from <see cref="AppliedFiles"/> (the files on disk with each refused
/// agreement file replaced by its version in force, where it had one).
/// </summary>
public sealed record AgreementFolderLint(LintResult OnDisk, LintResult Applied, IReadOnlyList<(string Name, string Text)> AppliedFiles)
{
    /// <summary>Nothing can be applied: an error stops the whole set (participants.yaml, one id in two files).</summary>
    public bool WholeChangeRefused => Applied.Set is null;

    /// <summary>The errors to report: those of the files on disk, and any the substituted set adds.</summary>
    public IReadOnlyList<AgreementDiagnostic> Errors =>
        [.. OnDisk.Diagnostics.Concat(Applied.Diagnostics).Where(d => d.IsError).Distinct()];
}
