using System.CommandLine;

namespace Hub.Cli.Commands.Audit;

/// <summary><c>hub audit</c>: what IG leads use to answer for the ledger.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "Inspect the disclosure ledger, consent registry and recalls");
        audit.Subcommands.Add(RecallsCommand.Create());
        audit.Subcommands.Add(SubjectCommand.Create());
        return audit;
    }
}
