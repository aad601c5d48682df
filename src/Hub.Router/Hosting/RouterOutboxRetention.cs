using System.Globalization;
using Hub.Router.Ledger.Postgres;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Hub.Router.Hosting;

/// <summary>
/// The router image's <c>prune-outbox</c> mode (docs/adr/0031), a scheduled job beside <c>migrate</c>: as
/// <c>ConnectionStrings:LedgerAdmin</c>, deletes outbox bodies whose send was confirmed more than
/// <c>Ledger:OutboxRetention</c> ago (default 30 days) and the ingress registrations left without an outbox row, then
/// exits. Exit 0 when done, 1 when the database refused, 2 when misconfigured. Prints counts only.
/// </summary>
public static class RouterOutboxRetention
{
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(30);

    public static async Task<int> RunAsync(IConfiguration configuration, TimeProvider time, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var owner = configuration.GetConnectionString("LedgerAdmin");
        if (string.IsNullOrWhiteSpace(owner))
        {
            await error.WriteLineAsync("prune-outbox needs ConnectionStrings:LedgerAdmin (the schema owner); the router's own role may not delete.");
            return 2;
        }

        var setting = configuration["Ledger:OutboxRetention"];
        var retention = DefaultRetention;
        if (setting is not null && (!TimeSpan.TryParse(setting, CultureInfo.InvariantCulture, out retention) || retention < TimeSpan.FromDays(1)))
        {
            await error.WriteLineAsync("Ledger:OutboxRetention must be a period of at least a day, for example 30.00:00:00.");
            return 2;
        }

        var cutoff = time.GetUtcNow() - retention;
        Ledger.Retention.OutboxPruneResult result;
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(owner);
            result = await new PostgresOutboxRetention(dataSource).PruneAsync(cutoff, CancellationToken.None);
        }
        catch (NpgsqlException ex)
        {
            await error.WriteLineAsync($"The outbox could not be pruned ({ex.GetType().Name}{(ex is PostgresException pg ? " " + pg.SqlState : string.Empty)}).");
            return 1;
        }

        var at = cutoff.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Outbox pruned: {result.DeliveriesPruned} sent delivery body(ies) and {result.RegistrationsPruned} ingress registration(s) from before {at}."));
        if (result.UnsentKept > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Kept {result.UnsentKept} delivery(ies) from before {at} that were never confirmed sent (withheld after their event was retracted, or awaiting their event's redelivery); hub ops trace shows each event."));
        }

        return 0;
    }
}
