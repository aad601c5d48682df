using System.Security.Cryptography;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Core.Publishing;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.Router.Agreements;
using Hub.Router.Hosting;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Chain;
using Hub.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.Cli.Embedded;

/// <summary>
/// The embedded default: the production router code and the five agencies' delivery endpoints in one process,
/// on MassTransit's in-memory transport with a SQLite ledger. Only the transport and the store differ from production.
/// Traces follow each event from submit to sink as in production, exported when an OTLP endpoint is configured.
/// Public so tests can run it with their own telemetry exporters (<paramref name="configure"/>).
/// </summary>
public sealed class EmbeddedRun(string ledgerPath, string agreementsPath, Action<HostApplicationBuilder>? configure = null)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The demo: the release notice, the discharge and a forged source, then the consent phase.</summary>
    public async Task<int> ExecuteAsync(TextWriter output, CancellationToken cancellationToken)
    {
        using var host = Build();
        var store = host.Services.GetRequiredService<ILedgerStore>();
        var sink = host.Services.GetRequiredService<MemoryDeliverySink>();
        await host.StartAsync(cancellationToken);
        try
        {
            var before = await LastSequenceAsync(store, cancellationToken);
            var now = TimeProvider.System.GetUtcNow();
            ScenarioStep[] steps = [DemoScenario.ReleaseNotice(now), DemoScenario.Discharge(now), DemoScenario.ForgedSource(now)];
            await SubmitAsync(host.Services, steps, cancellationToken);

            // One decision row per candidate recipient of each genuine event; one rejection row per forged one.
            var genuine = steps.Count(s => s.Event.Envelope.Source == s.SubmittedBy);
            var expectedRows = genuine * (AgencyCode.WellKnown.Count - 1) + (steps.Length - genuine);
            var entries = await WaitForLedgerAsync(store, before, expectedRows, cancellationToken);
            await WaitForDeliveriesAsync(sink, entries.Count(e => e.Outcome == LedgerOutcome.Allowed), cancellationToken);

            var engine = host.Services.GetRequiredService<IAgreementProvider>().Current;
            new RunReport(output).Write(agreementsPath, engine.AgreementSetHash, ledgerPath, steps, entries, sink.Received);
            output.WriteLine();
            var consentPlayed = await new ConsentPhase(host.Services, output).RunAsync(cancellationToken);

            // Seal now rather than wait for the background sealer's next pass, so `hub audit verify` covers this run.
            var sealedRun = await host.Services.GetRequiredService<ILedgerSealer>().SealAsync(cancellationToken);
            if (sealedRun.Head is { } head)
            {
                output.WriteLine($"Sealed through seq {head.LastSequence} (seal {head.Number}); check it with `hub audit verify --sqlite {ledgerPath}`.");
            }

            output.WriteLine("See `hub audit recalls --all` and `hub audit subject --pnc-id 2023/0011872D` for this ledger.");
            return entries.Count >= expectedRows && consentPlayed ? 0 : 1;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The embedded host; <paramref name="extra"/> adds what a caller needs beside it (e.g. an agency's drop-folder source).</summary>
    public IHost Build(Action<HostApplicationBuilder>? extra = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.AddHubTracing("agencyhub-embedded");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Router:AgreementsPath"] = agreementsPath,
            ["Ledger:SubjectKey"] = SubjectKey(),
        });

        builder.Services.AddHubRouterCore(builder.Configuration);
        builder.Services.AddSqliteLedger(ledgerPath);
        builder.Services.AddAdapterCore(HubAddresses.InMemory);
        builder.Services.AddSingleton<MemoryDeliverySink>();
        builder.Services.AddSingleton<IDeliverySink>(sp => sp.GetRequiredService<MemoryDeliverySink>());
        builder.Services.AddMassTransit(bus =>
        {
            RouterBus.AddIngressConsumers(bus);
            AdapterBus.AddDeliveryConsumer(bus);
            bus.UsingInMemory((context, memory) =>
            {
                RouterBus.ConfigureIngressEndpoints(memory, context);
                foreach (var agency in AgencyCode.WellKnown)
                {
                    AdapterBus.ConfigureDeliveryEndpoint(memory, context, agency, prefetchCount: 16);
                }
            });
        });
        extra?.Invoke(builder);
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>A local key for the ledger's subject pseudonyms, kept beside the ledger and never in the repository.</summary>
    private string SubjectKey()
    {
        var keyFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ledgerPath))!, "subject.key");
        if (!File.Exists(keyFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
            File.WriteAllText(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return File.ReadAllText(keyFile).Trim();
    }

    private static async Task SubmitAsync(IServiceProvider services, IEnumerable<ScenarioStep> steps, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var publisher = scope.ServiceProvider.GetRequiredService<IngressPublisher>();
        var sendEndpoints = scope.ServiceProvider.GetRequiredService<ISendEndpointProvider>();
        foreach (var step in steps)
        {
            if (step.Event.Envelope.Source == step.SubmittedBy)
            {
                await publisher.SubmitAsync(step.SubmittedBy, step.Event, cancellationToken);
            }
            else
            {
                // The SDK refuses to send this; an attacker would not use the SDK, so go round it.
                var endpoint = await sendEndpoints.GetSendEndpoint(HubAddresses.InMemory.Submit(step.SubmittedBy));
                await endpoint.Send(step.Event, step.Event.GetType(), cancellationToken);
            }
        }
    }

    internal static async Task<long> LastSequenceAsync(ILedgerStore store, CancellationToken cancellationToken)
    {
        long last = 0;
        while (true)
        {
            var page = await store.ReadAsync(last, 1000, cancellationToken);
            if (page.Count == 0)
            {
                return last;
            }

            last = page[^1].Sequence;
        }
    }

    private static async Task<IReadOnlyList<LedgerEntry>> WaitForLedgerAsync(ILedgerStore store, long after, int expected, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        IReadOnlyList<LedgerEntry> entries = [];
        while (!timeout.IsCancellationRequested)
        {
            entries = await store.ReadAsync(after, 1000, cancellationToken);
            if (entries.Count >= expected)
            {
                break;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        return entries;
    }

    private static async Task WaitForDeliveriesAsync(MemoryDeliverySink sink, int expected, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        while (sink.Received.Count < expected && !timeout.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
