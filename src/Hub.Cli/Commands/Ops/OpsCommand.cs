using System.CommandLine;

namespace Hub.Cli.Commands.Ops;

/// <summary><c>hub ops</c>: what operations staff use: dead letters and an event's journey, metadata only (docs/adr/0012).</summary>
internal static class OpsCommand
{
    public static Command Create()
    {
        var ops = new Command("ops", "Operations: dead-letter queues and event traces, metadata only");
        ops.Subcommands.Add(DlqCommand.Create());
        ops.Subcommands.Add(TraceCommand.Create());
        return ops;
    }
}
