using System.CommandLine;

namespace Hub.Cli.Commands.Audit;

/// <summary><c>hub audit</c>: checking and looking after the disclosure ledger.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "Verify and maintain the disclosure ledger");
        audit.Subcommands.Add(VerifyCommand.Create());
        audit.Subcommands.Add(PruneCommand.Create());
        return audit;
    }
}
