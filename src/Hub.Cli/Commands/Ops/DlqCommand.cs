using System.CommandLine;

namespace Hub.Cli.Commands.Ops;

/// <summary><c>hub ops dlq</c>: the dead-letter queues, metadata first; payloads only on request, and ledgered.</summary>
internal static class DlqCommand
{
    public static Command Create()
    {
        var dlq = new Command("dlq", "Inspect, replay and purge dead-lettered messages without seeing personal data");
        dlq.Subcommands.Add(ListCommand.Create());
        dlq.Subcommands.Add(ShowCommand.Create());
        dlq.Subcommands.Add(ReplayCommand.Create());
        dlq.Subcommands.Add(PurgeCommand.Create());
        return dlq;
    }
}
