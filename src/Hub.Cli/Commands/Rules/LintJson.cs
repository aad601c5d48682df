using Hub.Sharing.Agreements;

namespace Hub.Cli.Commands.Rules;

/// <summary>
/// <c>hub rules lint --format json</c>, shape <see cref="Schema"/>: the folder, what loaded, the files the router would
/// leave out, the counts, and every diagnostic located (file, line, column) with its severity and suggestion.
/// </summary>
internal static class LintJson
{
    public const string Schema = "agencyhub.rules.lint/1";

    public static object Of(string directory, LintResult lint)
    {
        ArgumentNullException.ThrowIfNull(lint);
        var errors = lint.Diagnostics.Count(d => d.IsError);
        return new
        {
            schema = Schema,
            directory,
            loaded = lint.Set is not null,
            agreementSet = lint.Set?.Hash,
            agreements = lint.Set?.Agreements.Count,
            flows = lint.Set?.Agreements.Sum(a => a.Flows.Count),
            refused = lint.Refused,
            errors,
            warnings = lint.Diagnostics.Count - errors,
            diagnostics = lint.Diagnostics.Select(d => new { file = d.File, line = d.Line, column = d.Column, severity = d.Severity, message = d.Message, suggestion = d.Suggestion }),
        };
    }
}
