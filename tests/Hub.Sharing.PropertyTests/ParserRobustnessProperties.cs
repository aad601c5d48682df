using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hub.Sharing.Agreements;
using Hub.Sharing.Cases;
using Hub.Sharing.Participants;
using Hub.Sharing.PropertyTests.Model;

namespace Hub.Sharing.PropertyTests;

/// <summary>
/// Whatever an IG lead's editor leaves in a file, reading it never throws: every problem is a diagnostic with the
/// file's name and a line and column from 1. Generated agreements are damaged by random YAML-significant edits and
/// read as an agreement, as a case file and as participants.yaml.
/// </summary>
public class ParserRobustnessProperties
{
    private static readonly string[] Tokens = [":", "- ", "[", "]", "{", "}", "&a ", "*a", "? ", "!!map ", "!x ", "|", ">", "'", "\"", "#", "\n", "\n  ", "\t", "---\n", "...\n", "%YAML 1.2\n", "<<: *a\n", ",", "@", "`", "\u00a0", "\0"];

    [Property(MaxTest = 1000)]
    public Property When_a_file_is_damaged_anywhere_should_report_located_diagnostics_and_never_throw() =>
        Prop.ForAll(CaseGenerators.Arbitrary(CaseGenerators.Cases()), Arb.From(Edits()), (c, edits) =>
        {
            var text = edits.Aggregate(c.Agreements[0].ToYaml(), Apply);
            var diagnostics = AgreementLoader.Lint([("damaged.yaml", text), (ParticipantRegistry.FileName, text)], CaseModel.LoadDay).Diagnostics
                .Concat(CaseFile.Read("damaged.yaml", text).Diagnostics)
                .ToList();
            var unlocated = diagnostics.Where(d => d.Line < 1 || d.Column < 1 || (d.File != "damaged.yaml" && d.File != ParticipantRegistry.FileName)).ToList();
            return (unlocated.Count == 0).Label($"unlocated: {string.Join("; ", unlocated)}{Environment.NewLine}text:{Environment.NewLine}{text}");
        });

    private static Gen<(int Position, int Delete, string Insert)[]> Edits() =>
        from count in Gen.Choose(1, 6)
        from edits in Gen.ArrayOf(
            from position in Gen.Choose(0, 10_000)
            from delete in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 12)))
            from insert in Gen.Frequency((1, Gen.Constant(string.Empty)), (4, Gen.Elements(Tokens)))
            select (position, delete, insert),
            count)
        select edits;

    private static string Apply(string text, (int Position, int Delete, string Insert) edit)
    {
        var at = edit.Position % (text.Length + 1);
        return text[..at] + edit.Insert + text[Math.Min(text.Length, at + edit.Delete)..];
    }
}
