using System.CommandLine;
using Hub.Cli.Commands;
using Hub.Cli.Commands.Audit;
using Hub.Cli.Commands.Db;
using Hub.Cli.Commands.Ops;
using Hub.Cli.Commands.Simulate;

var root = new RootCommand("AgencyHub: lawful, minimal, provable data sharing between public agencies. With no command, runs the embedded demo.");
var demo = DemoCommand.Create();
root.Subcommands.Add(demo);
root.Subcommands.Add(RulesCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(OpsCommand.Create());
root.Subcommands.Add(DbCommand.Create());
foreach (var option in demo.Options)
{
    root.Options.Add(option);
}

root.Action = demo.Action;
return await ExpectedFailures.InvokeAsync(root.Parse(args), Console.Error);
