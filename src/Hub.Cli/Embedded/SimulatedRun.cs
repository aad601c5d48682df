using Hub.Adapters.Core.Configuration;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Probation.Assessments;
using Hub.Adapters.Probation.Releases;
using Hub.Adapters.Probation.Sources;
using Hub.Adapters.Probation.Transfers;
using Hub.Contracts.Agencies;
using Hub.Router.Ledger;
using Hub.Simulation.Output;
using Hub.Simulation.Running;
using Hub.Simulation.Timeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.Cli.Embedded;

/// <summary>
/// <c>hub simulate --embedded</c>: the embedded hub (router, SQLite ledger, in-memory transport) with the probation
/// adapter's real drop-folder processor and mappers. The simulator fills a probation inbox; each file goes through
/// <see cref="DropFileProcessor"/> as the adapter would take it, and the router's ledger rows are collected for counting.
/// </summary>
internal sealed class SimulatedRun(string ledgerPath, string agreementsPath, string dropRoot)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public async Task<SimulatedRunOutcome> ExecuteAsync(SimulationTimeline timeline, CancellationToken cancellationToken)
    {
        var probationRoot = Path.Combine(dropRoot, AgencyCode.Probation.Value);
        using var host = new EmbeddedRun(ledgerPath, agreementsPath).Build(builder => AddProbationSource(builder, probationRoot));
        var store = host.Services.GetRequiredService<ILedgerStore>();
        await host.StartAsync(cancellationToken);
        try
        {
            var before = await EmbeddedRun.LastSequenceAsync(store, cancellationToken);
            var files = new List<string>();
            var target = new DropFolderTarget(dropRoot);
            await new SimulationRunner(target, TimeProvider.System).RunAsync(timeline, TimeSpan.FromDays(1), double.MaxValue, (batch, file) =>
            {
                if (batch.Agency == AgencyCode.Probation.Value)
                {
                    files.Add(file);
                }
            }, cancellationToken);

            var processor = host.Services.GetRequiredService<DropFileProcessor>();
            processor.Layout.Create();
            var reports = new List<DropFileReport>();
            foreach (var file in files)
            {
                reports.Add(await processor.ProcessAsync(file, cancellationToken));
            }

            // The router writes one ledger row per candidate recipient of each published event.
            var expected = reports.Sum(r => r.Published) * (AgencyCode.WellKnown.Count - 1);
            var entries = await WaitForLedgerAsync(store, before, expected, cancellationToken);
            return new SimulatedRunOutcome(reports, entries, expected, probationRoot);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static void AddProbationSource(HostApplicationBuilder builder, string probationRoot)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{AdapterOptions.SectionName}:Agency"] = AgencyCode.Probation.Value,
            [$"{DropFolderOptions.SectionName}:Path"] = probationRoot,

            // The simulated release lists cite opt-in consents the simulation never records: decide them at once
            // instead of holding each for the consent hold window (docs/adr/0018).
            ["Router:ConsentHoldWindow"] = "00:00:00",
        });
        builder.Services.AddOptions<AdapterOptions>().Bind(builder.Configuration.GetSection(AdapterOptions.SectionName));
        builder.Services.AddOptions<DropFolderOptions>().Bind(builder.Configuration.GetSection(DropFolderOptions.SectionName));
        builder.Services.AddSourceCore();
        builder.Services.AddSingleton(new ProbationMappers());
        builder.Services.AddSingleton<IRecordMapper<DropFolderRecord>, ProbationFolderMapper>();
        builder.Services.AddSingleton<DropFileProcessor>();
    }

    private static async Task<List<LedgerEntry>> WaitForLedgerAsync(ILedgerStore store, long after, int expected, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        var entries = new List<LedgerEntry>();
        var last = after;
        while (!timeout.IsCancellationRequested)
        {
            var page = await store.ReadAsync(last, 1000, cancellationToken);
            entries.AddRange(page);
            last = page.Count > 0 ? page[^1].Sequence : last;
            if (entries.Count >= expected)
            {
                break;
            }

            if (page.Count == 0)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }

        return entries;
    }
}
