using System.Security.Cryptography;
using System.Text;
using Hub.Sharing.Agreements.Yaml;
using Hub.Sharing.Participants;

namespace Hub.Sharing.Agreements;

/// <summary>
/// Reads a folder of agreement files (*.yaml, one agreement each) and validates them. Each agreement stands alone:
/// a file with errors is refused and left out of the set, and the others still load (docs/adr/0017). Only errors
/// that make the whole set ambiguous stop it: an invalid <c>participants.yaml</c> (every agreement's parties depend
/// on it) and one agreement id in two files. A <c>participants.yaml</c> in the folder is not an agreement: it
/// declares the agencies beyond the five well-known ones that the agreements may name.
/// </summary>
public static class AgreementLoader
{
    public static AgreementSet LoadDirectory(string directory, DateOnly? today = null) => Load(ReadDirectory(directory), today);

    /// <summary>
    /// For tools that want all or nothing: the set, or <see cref="AgreementValidationException"/> carrying every
    /// diagnostic when any file has an error. The router uses <see cref="Lint"/>, which keeps the valid agreements.
    /// </summary>
    public static AgreementSet Load(IReadOnlyList<(string Name, string Text)> files, DateOnly? today = null)
    {
        var result = Lint(files, today ?? Today());
        return result is { HasErrors: false, Set: { } set } ? set : throw new AgreementValidationException(result.Diagnostics);
    }

    /// <summary>
    /// Every diagnostic, ordered by file and line; the set of the agreements that have no errors (see
    /// <see cref="LintResult.Refused"/> for the files left out), or no set when an error stops the whole set.
    /// </summary>
    public static LintResult Lint(IReadOnlyList<(string Name, string Text)> files, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(files);
        var diagnostics = new List<AgreementDiagnostic>();
        var declared = new List<Participant>();
        foreach (var (name, text) in files.Where(f => ParticipantRegistry.IsParticipantsFile(f.Name)))
        {
            if (declared.Count > 0)
            {
                diagnostics.Add(new AgreementDiagnostic(name, 1, 1, "participants are declared in both participants.yaml and participants.yml; keep one file"));
            }

            var from = diagnostics.Count;
            declared.AddRange(new YamlParticipantReader(name, diagnostics).Read(text));
            YamlDocumentLoader.CapErrors(diagnostics, from, name);
        }

        var stopsTheSet = diagnostics.Any(d => d.IsError);
        var participants = ParticipantRegistry.With(declared);
        var agreements = new List<Agreement>();
        var refused = new List<string>();
        foreach (var (name, text) in files.Where(f => !ParticipantRegistry.IsParticipantsFile(f.Name)))
        {
            var from = diagnostics.Count;
            if (new YamlAgreementReader(name, diagnostics, participants).Read(text) is { } agreement)
            {
                agreements.Add(agreement);
            }
            else
            {
                refused.Add(name);
            }

            YamlDocumentLoader.CapErrors(diagnostics, from, name);
        }

        var setRules = AgreementSetRules.Check(agreements, today).ToList();
        stopsTheSet |= setRules.Any(d => d.IsError);
        diagnostics.AddRange(setRules);
        var ordered = diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ToList();
        var loaded = files.Where(f => !refused.Contains(f.Name, StringComparer.Ordinal)).ToList();
        var set = stopsTheSet ? null : new AgreementSet(agreements, HashOf(loaded)) { Participants = participants };
        return new LintResult(set, ordered) { Refused = refused };
    }

    public static IReadOnlyList<(string Name, string Text)> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new AgreementValidationException([new AgreementDiagnostic(directory, 0, 0, "agreement folder does not exist")]);
        }

        return [.. Directory.GetFiles(directory, "*.yaml", SearchOption.TopDirectoryOnly)
            .Concat(Directory.GetFiles(directory, "*.yml", SearchOption.TopDirectoryOnly))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))];
    }

    private static DateOnly Today() => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private static string HashOf(IReadOnlyList<(string Name, string Text)> files)
    {
        var builder = new StringBuilder();
        foreach (var (name, text) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            builder.Append(name).Append('\0').Append(text.ReplaceLineEndings("\n")).Append('\0');
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())))[..16];
    }
}
