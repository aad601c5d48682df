using System.CommandLine;
using Hub.Cli.Commands.Rules;

namespace Hub.Cli.Commands;

/// <summary><c>hub rules</c>: what IG leads use to write, check and understand agreements before sign-off.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var rules = new Command("rules", "Lint, test, explain, diff and replay data-sharing agreements");
        rules.Subcommands.Add(LintCommand.Create());
        rules.Subcommands.Add(TestCommand.Create());
        rules.Subcommands.Add(ExplainCommand.Create());
        rules.Subcommands.Add(DiffCommand.Create());
        rules.Subcommands.Add(ReplayCommand.Create());
        return rules;
    }
}
