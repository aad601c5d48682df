using System.Globalization;
using Hub.Contracts.Agencies;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// How one adapter worker process is configured, as an operator would configure it: environment variables only.
/// Its drop-folder source (read only by workers that register one), its sink, and a durable deduplication store.
/// </summary>
public sealed record AdapterSettings
{
    public required AgencyCode Agency { get; init; }

    /// <summary>Root of the worker's drop-folder source (<c>inbox/</c>, <c>done/</c>, <c>reports/</c>, <c>state/</c>).</summary>
    public required string SourceFolder { get; init; }

    /// <summary>The drop-folder sink's outbox; null when <see cref="SinkPostgres"/> is set.</summary>
    public string? SinkFolder { get; init; }

    /// <summary>The agency's own database for a Postgres-table sink (table <c>hub_deliveries</c>).</summary>
    public string? SinkPostgres { get; init; }

    /// <summary>The SQLite file of handled delivery ids; null when <see cref="DedupePostgres"/> is set.</summary>
    public string? DedupeSqlite { get; init; }

    /// <summary>The agency's own database for handled delivery ids.</summary>
    public string? DedupePostgres { get; init; }

    /// <summary>Further settings, as environment variables (<c>Adapter__…</c>), over the ones above.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// A worker under <paramref name="root"/>/<c>agency</c>: drop-folder source, drop-folder sink and SQLite dedupe,
    /// all on local disk so they survive a kill.
    /// </summary>
    public static AdapterSettings OnDisk(AgencyCode agency, string root)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, agency.Value)).FullName;
        return new AdapterSettings
        {
            Agency = agency,
            SourceFolder = Path.Combine(folder, "drop"),
            SinkFolder = Path.Combine(folder, "outbox"),
            DedupeSqlite = Path.Combine(folder, "handled-deliveries.db"),
        };
    }

    public IReadOnlyDictionary<string, string> Environment(BrokerEndpoint broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var user = "adapter-" + Agency.Value;
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Adapter__Agency"] = Agency.Value,
            ["Broker__Host"] = broker.Host,
            ["Broker__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["Broker__VirtualHost"] = broker.VirtualHost,
            ["Broker__Username"] = user,
            ["Broker__Password"] = broker.PasswordOf(user),
            ["Adapter__Sources__DropFolder__Enabled"] = "true",
            ["Adapter__Sources__DropFolder__Path"] = SourceFolder,
            ["Adapter__Sources__DropFolder__PollInterval"] = "00:00:00.200",
            ["Adapter__Sources__DropFolder__SettleTime"] = "00:00:00",
        };
        foreach (var (name, value) in broker.NodeVariables())
        {
            environment[name] = value;
        }

        if (SinkPostgres is not null)
        {
            environment["Adapter__Sink__Kind"] = "Postgres";
            environment["Adapter__Sink__Postgres__ConnectionString"] = SinkPostgres;
        }
        else
        {
            environment["Adapter__Sink__Kind"] = "DropFolder";
            environment["Adapter__Sink__DropFolder__Path"] = SinkFolder ?? throw new InvalidOperationException("A worker needs a sink folder or a sink database.");
        }

        if (DedupePostgres is not null)
        {
            environment["Adapter__Deduplication__Kind"] = "Postgres";
            environment["Adapter__Deduplication__ConnectionString"] = DedupePostgres;
        }
        else
        {
            environment["Adapter__Deduplication__Kind"] = "Sqlite";
            environment["Adapter__Deduplication__SqlitePath"] = DedupeSqlite ?? throw new InvalidOperationException("A worker needs a durable deduplication store.");
        }

        foreach (var (name, value) in Extra)
        {
            environment[name] = value;
        }

        return environment;
    }
}
