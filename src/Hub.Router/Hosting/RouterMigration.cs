using Hub.Router.Ledger.Postgres;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Hub.Router.Hosting;

/// <summary>
/// The router image's <c>migrate</c> mode: applies the ledger schema as <c>ConnectionStrings:LedgerAdmin</c> and grants
/// <c>Ledger:RuntimeRole</c> its rights, then exits. Exit 0 when done, 1 when the database refused, 2 when misconfigured.
/// </summary>
public static class RouterMigration
{
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var owner = configuration.GetConnectionString("LedgerAdmin");
        var role = configuration["Ledger:RuntimeRole"];
        if (string.IsNullOrWhiteSpace(owner) || string.IsNullOrWhiteSpace(role))
        {
            await error.WriteLineAsync("migrate needs ConnectionStrings:LedgerAdmin (the schema owner) and Ledger:RuntimeRole (the role the router runs as).");
            return 2;
        }

        try
        {
            await PostgresLedgerMigration.MigrateAsync(owner, role, logger: null, CancellationToken.None);
        }
        catch (NpgsqlException ex)
        {
            await error.WriteLineAsync($"The ledger schema could not be applied ({ex.GetType().Name}{(ex is PostgresException pg ? " " + pg.SqlState : string.Empty)}).");
            return 1;
        }

        await output.WriteLineAsync($"Ledger schema {PostgresLedgerMigration.SchemaFingerprint[..12]} applied; role {role} may insert and read, never update or delete, ledger rows.");
        return 0;
    }
}
