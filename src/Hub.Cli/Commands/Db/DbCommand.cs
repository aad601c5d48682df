using System.CommandLine;
using Hub.Router.Hosting;
using Microsoft.Extensions.Configuration;

namespace Hub.Cli.Commands.Db;

/// <summary>
/// <c>hub db migrate</c>: the ledger schema step, run as the schema owner before routers start, so no long-running
/// process holds the owner's credential (docs/adr/0022). The connection string may come from the environment
/// (<c>AGENCYHUB_ConnectionStrings__LedgerAdmin</c>) instead of the command line.
/// </summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var postgres = new Option<string?>("--postgres") { Description = "Npgsql connection string of the ledger database as the schema owner (or AGENCYHUB_ConnectionStrings__LedgerAdmin)" };
        var role = new Option<string?>("--runtime-role") { Description = "The database role the routers run as (or AGENCYHUB_Ledger__RuntimeRole)" };
        var migrate = new Command("migrate", "Create or upgrade the ledger schema as its owner and grant the routers' role insert-and-read only") { postgres, role };
        migrate.SetAction(async (result, _) =>
        {
            var settings = new Dictionary<string, string?>();
            if (result.GetValue(postgres) is { } connection)
            {
                settings["ConnectionStrings:LedgerAdmin"] = connection;
            }

            if (result.GetValue(role) is { } runtimeRole)
            {
                settings["Ledger:RuntimeRole"] = runtimeRole;
            }

            var configuration = new ConfigurationBuilder().AddEnvironmentVariables("AGENCYHUB_").AddInMemoryCollection(settings).Build();
            return await RouterMigration.RunAsync(configuration, Console.Out, Console.Error);
        });
        var db = new Command("db", "Ledger database administration");
        db.Subcommands.Add(migrate);
        return db;
    }
}
