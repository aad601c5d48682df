using System.CommandLine;
using Hub.Sharing.Agreements;

namespace Hub.Cli.Commands.Rules;

/// <summary><c>hub rules lint DIR</c>: every error and warning in a folder of agreements, located, with suggestions.</summary>
internal static class LintCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("DIR") { Description = "Folder of agreement files (*.yaml)" };
        var today = RulesOptions.Today();
        var format = OutputFormat.Option(LintJson.Schema);
        var command = new Command("lint", "Check agreements: structure, vocabularies, lawful basis, gateways, dates, overlaps") { folder, today, format };
        command.SetAction(result =>
        {
            var directory = result.GetValue(folder)!.FullName;
            LintResult lint;
            try
            {
                lint = AgreementLoader.Lint(AgreementLoader.ReadDirectory(directory), RulesOptions.TodayOr(result.GetValue(today)));
            }
            catch (AgreementValidationException ex)
            {
                Console.Error.WriteLine(string.Join(Environment.NewLine, ex.Errors));
                return 2;
            }

            var errors = lint.Diagnostics.Count(d => d.IsError);
            if (OutputFormat.IsJson(result, format))
            {
                OutputFormat.Write(LintJson.Of(directory, lint));
                return errors > 0 ? 1 : 0;
            }

            foreach (var diagnostic in lint.Diagnostics)
            {
                (diagnostic.IsError ? Console.Error : Console.Out).WriteLine(diagnostic);
            }

            var warnings = lint.Diagnostics.Count - errors;
            var counted = lint.Set is { } set ? $"{set.Agreements.Count} agreements, {set.Agreements.Sum(a => a.Flows.Count)} flows" : "agreements not loaded (an error stops the whole set)";
            if (lint is { Set: not null, Refused.Count: > 0 })
            {
                counted += $" (the router would leave out {string.Join(", ", lint.Refused)})";
            }

            Console.WriteLine($"{directory}: {counted}; {errors} error(s), {warnings} warning(s)");
            return errors > 0 ? 1 : 0;
        });
        return command;
    }
}
