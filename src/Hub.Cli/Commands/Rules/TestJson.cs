namespace Hub.Cli.Commands.Rules;

/// <summary>
/// <c>hub rules test --format json</c>, shape <see cref="Schema"/>: the agreement set, the counts, and per case its
/// location, whether it passed, its differences, and per expected recipient what was expected and what was decided.
/// </summary>
internal static class TestJson
{
    public const string Schema = "agencyhub.rules.test/1";

    public static object Of(string agreementSet, IReadOnlyList<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var failed = results.Count(r => !r.Passed);
        return new
        {
            schema = Schema,
            agreementSet,
            cases = results.Count,
            passed = results.Count - failed,
            failed,
            results = results.Select(r => new
            {
                name = r.Case.Name,
                file = r.Case.Location.File,
                line = r.Case.Location.Line,
                column = r.Case.Location.Column,
                passed = r.Passed,
                differences = r.Outcome.Differences,
                checks = r.Checks.Select(c => new
                {
                    recipient = c.Recipient.Value,
                    passed = c.Passed,
                    expected = new { decision = DecisionJson.Word(c.Expected.Allow), fields = c.Expected.Fields, reasonContains = c.Expected.ReasonContains },
                    actual = c.Actual is null ? null : DecisionJson.Of(c.Actual),
                    differences = c.Differences,
                }),
            }),
        };
    }
}
