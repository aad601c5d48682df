using Hub.Sharing.Agreements;

namespace Hub.Router.Agreements;

/// <summary>
/// Per-agreement isolation across reloads (docs/adr/0017): an agreement file refused for its own errors keeps the
/// version in force, if it had one, so a slip while editing neither stops that agreement's flows nor opens new ones;
/// a refused file that was never in force is left out. Remembers the text of every file of the set in force.
/// </summary>
internal sealed class LastGoodAgreements
{
    private Dictionary<string, string> _inForce = new Dictionary<string, string>(StringComparer.Ordinal);

    public AgreementFolderLint Lint(IReadOnlyList<(string Name, string Text)> files, DateOnly today)
    {
        var onDisk = AgreementLoader.Lint(files, today);
        if (onDisk.Set is null || !onDisk.Refused.Any(_inForce.ContainsKey))
        {
            return new AgreementFolderLint(onDisk, onDisk, files);
        }

        List<(string Name, string Text)> kept = [.. files.Select(f => onDisk.Refused.Contains(f.Name, StringComparer.Ordinal) && _inForce.TryGetValue(f.Name, out var text) ? (f.Name, text) : f)];
        return new AgreementFolderLint(onDisk, AgreementLoader.Lint(kept, today), kept);
    }

    /// <summary>The set built from <paramref name="lint"/> is now in force.</summary>
    public void Applied(AgreementFolderLint lint) =>
        _inForce = lint.AppliedFiles
            .Where(f => !lint.Applied.Refused.Contains(f.Name, StringComparer.Ordinal))
            .ToDictionary(f => f.Name, f => f.Text, StringComparer.Ordinal);
}
