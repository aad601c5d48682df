using System.Globalization;
using System.Xml.Linq;
using Hub.Sharing.Decisions;

namespace Hub.Cli.Commands.Rules;

/// <summary>
/// <c>hub rules test --junit FILE</c>: the results as JUnit XML, the common shape CI servers read (Jenkins, GitLab,
/// GitHub test reporters): one <c>testsuite</c> per case file, one <c>testcase</c> per case, and for a failing case a
/// <c>failure</c> with, per recipient, the expected and the actual decision and the reasons. Written to a temporary
/// file beside FILE and moved over it, so a reader never sees half a report.
/// </summary>
internal static class JunitReport
{
    public static XDocument Build(string agreementSet, IReadOnlyList<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var suites = results
            .GroupBy(r => r.Case.Location.File, StringComparer.Ordinal)
            .Select(file => Suite(file.Key, agreementSet, [.. file]))
            .ToList();
        var root = new XElement("testsuites", new XAttribute("name", "hub rules test"), Counts(results));
        root.Add(suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    public static void Write(FileInfo file, XDocument report)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(report);
        // A missing folder or a refused write throws before FILE is touched; ExpectedFailures says which in one line.
        var folder = Path.GetDirectoryName(file.FullName)!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Cannot write the JUnit report {file.FullName}: its folder does not exist.");
        }

        var temporary = Path.Combine(folder, $".{file.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temporary))
            {
                report.Save(stream);
            }

            File.Move(temporary, file.FullName, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static XElement Suite(string file, string agreementSet, IReadOnlyList<CaseResult> results) =>
        new(
            "testsuite",
            new XAttribute("name", file),
            Counts(results),
            new XAttribute("file", file),
            new XElement("properties", new XElement("property", new XAttribute("name", "agreementSet"), new XAttribute("value", agreementSet))),
            results.Select(Case));

    private static XElement Case(CaseResult result)
    {
        var element = new XElement(
            "testcase",
            new XAttribute("name", result.Case.Name),
            new XAttribute("classname", Path.GetFileNameWithoutExtension(result.Case.Location.File)),
            new XAttribute("file", result.Case.Location.File),
            new XAttribute("line", result.Case.Location.Line),
            new XAttribute("time", Seconds(result.Elapsed)));
        if (!result.Passed)
        {
            element.Add(new XElement(
                "failure",
                new XAttribute("message", result.Outcome.Differences[0]),
                new XAttribute("type", "case-failed"),
                string.Join("\n", result.Checks.Where(c => !c.Passed).Select(Failure))));
        }

        return element;
    }

    private static string Failure(CaseCheck check)
    {
        var expected = DecisionJson.Word(check.Expected.Allow)
            + (check.Expected.Fields is { } fields ? $", fields [{string.Join(", ", fields)}]" : string.Empty)
            + (check.Expected.ReasonContains is { } phrase ? $", a reason mentioning '{phrase}'" : string.Empty);
        var actual = check.Actual is { } decision ? Actual(decision) : "not a candidate recipient";
        return $"{check.Recipient}: expected {expected}\n{check.Recipient}: actual {actual}\n{string.Join("\n", check.Differences)}";
    }

    private static string Actual(Decision decision) =>
        $"{DecisionJson.Word(decision.IsAllowed)}{(decision.IsAllowed ? $", fields [{string.Join(", ", decision.ReleasedFields)}]" : string.Empty)}; reason: {string.Join("; ", decision.Reasons)}";

    private static IEnumerable<XAttribute> Counts(IReadOnlyList<CaseResult> results) =>
    [
        new("tests", results.Count),
        new("failures", results.Count(r => !r.Passed)),
        new("errors", 0),
        new("skipped", 0),
        new("time", Seconds(TimeSpan.FromTicks(results.Sum(r => r.Elapsed.Ticks)))),
    ];

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
