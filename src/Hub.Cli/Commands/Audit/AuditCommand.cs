using System.CommandLine;

namespace Hub.Cli.Commands.Audit;

/// <summary><c>hub audit</c>: what IG leads and operators use to answer for the ledger: verify, prune, recalls, subject reports.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "Verify and maintain the disclosure ledger; inspect consent recalls and what was shared about a person");
        audit.Subcommands.Add(VerifyCommand.Create());
        audit.Subcommands.Add(PruneCommand.Create());
        audit.Subcommands.Add(RecallsCommand.Create());
        audit.Subcommands.Add(SubjectCommand.Create());
        return audit;
    }
}
