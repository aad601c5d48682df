using System.Security.Cryptography;
using System.Text;
using Hub.Sharing.Agreements.Yaml;
using Hub.Sharing.Participants;

namespace Hub.Sharing.Agreements;

/// <summary>
/// Reads a folder of agreement files (*.yaml, one agreement each) and validates them. A set with any error is
/// never returned: an invalid agreement never replaces a valid one. A <c>participants.yaml</c> in the folder is
/// not an agreement: it declares the agencies beyond the five well-known ones that the agreements may name.
/// </summary>
public static class AgreementLoader
{
    public static AgreementSet LoadDirectory(string directory, DateOnly? today = null) => Load(ReadDirectory(directory), today);

    /// <summary>The set, or <see cref="AgreementValidationException"/> carrying every diagnostic.</summary>
    public static AgreementSet Load(IReadOnlyList<(string Name, string Text)> files, DateOnly? today = null)
    {
        var result = Lint(files, today ?? Today());
        return result.Set ?? throw new AgreementValidationException(result.Diagnostics);
    }

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

            declared.AddRange(new YamlParticipantReader(name, diagnostics).Read(text));
        }

        var participants = ParticipantRegistry.With(declared);
        var agreements = new List<Agreement>();
        foreach (var (name, text) in files.Where(f => !ParticipantRegistry.IsParticipantsFile(f.Name)))
        {
            if (new YamlAgreementReader(name, diagnostics, participants).Read(text) is { } agreement)
            {
                agreements.Add(agreement);
            }
        }

        diagnostics.AddRange(AgreementSetRules.Check(agreements, today));
        var ordered = diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ToList();
        return new LintResult(ordered.Any(d => d.IsError) ? null : new AgreementSet(agreements, HashOf(files)) { Participants = participants }, ordered);
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
