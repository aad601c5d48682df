using System.Security.Cryptography;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Hosting;
using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Health.V1;
using Hub.Contracts.Performance.V1;
using Hub.Contracts.Topology;
using Hub.Router.Agreements;
using Hub.Router.Configuration;
using Hub.Router.Hosting;
using Hub.Router.Ledger;
using Hub.Testing.Telemetry;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Router.Tests.Support;

/// <summary>
/// The router and the delivery endpoints of the agencies it reads for (the five well-known ones unless Router:Agencies says otherwise) on MassTransit's in-memory transport with a SQLite ledger
/// in a temp folder: the embedded run's composition under the test harness. One per test.
/// </summary>
public sealed class RouterTestHost : IAsyncDisposable
{
    /// <summary>The router's clock: inside the test agreements' period, whatever the date the tests run on.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;
    private readonly string _directory;

    private RouterTestHost(ServiceProvider provider, string directory)
    {
        _provider = provider;
        _directory = directory;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public IServiceProvider Services => _provider;

    public ILedgerStore Store => _provider.GetRequiredService<ILedgerStore>();

    public RecordingDeliverySink Sink => _provider.GetRequiredService<RecordingDeliverySink>();

    public DeliveryTraffic Traffic => _provider.GetRequiredService<DeliveryTraffic>();

    public ErrorQueueProbe ErrorQueues => _provider.GetRequiredService<ErrorQueueProbe>();

    public SubjectPseudonymiser Pseudonymiser => _provider.GetRequiredService<SubjectPseudonymiser>();

    /// <summary>Messages MassTransit saw fault, consumer or receive.</summary>
    public ReceiveFaults Faults => _provider.GetRequiredService<ReceiveFaults>();

    /// <summary>Every log call made through the host's logger factory.</summary>
    public CapturingLoggerProvider Logs => _provider.GetRequiredService<CapturingLoggerProvider>();

    public string AgreementSetHash => _provider.GetRequiredService<IAgreementProvider>().Current.AgreementSetHash;

    public static async Task<RouterTestHost> StartAsync(string agreementsPath, int? maxEventBytes = null, IReadOnlyDictionary<string, string?>? moreSettings = null, DateTimeOffset? now = null, Action<IServiceCollection>? replace = null)
    {
        var directory = Directory.CreateTempSubdirectory("agencyhub-router-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Router:AgreementsPath"] = agreementsPath,
            ["Ledger:SubjectKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),

            // Most tests decide an event citing an unrecorded consent at once; the hold window's own tests set one.
            ["Router:ConsentHoldWindow"] = "00:00:00",
        };
        if (maxEventBytes is { } max)
        {
            settings["Router:MaxEventBytes"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in moreSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        var logs = new CapturingLoggerProvider();
        services.AddSingleton(logs);
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now ?? Now));
        services.AddHubRouterCore(configuration);
        services.AddSqliteLedger(Path.Combine(directory, "ledger.db"));
        services.AddSingleton(HubAddresses.InMemory);
        services.AddAdapterCore(HubAddresses.InMemory);
        services.AddSingleton<RecordingDeliverySink>();
        services.AddSingleton<IDeliverySink>(sp => sp.GetRequiredService<RecordingDeliverySink>());
        services.AddSingleton<ErrorQueueProbe>();
        services.AddSingleton<DeliveryTraffic>();
        services.AddSendObserver(sp => sp.GetRequiredService<DeliveryTraffic>());
        services.AddConsumeObserver(sp => sp.GetRequiredService<DeliveryTraffic>());
        replace?.Invoke(services);
        services.AddSingleton<ReceiveFaults>();
        services.AddReceiveObserver(sp => sp.GetRequiredService<ReceiveFaults>());
        services.AddMassTransitTestHarness(bus =>
        {
            RouterBus.AddIngressConsumers(bus);
            AdapterBus.AddDeliveryConsumer(bus);
            bus.UsingInMemory((context, memory) =>
            {
                RouterBus.ConfigureIngressEndpoints(memory, context);
                // Every agency the router reads for, by default the five well-known ones.
                foreach (var agency in context.GetRequiredService<IOptions<RouterOptions>>().Value.Agencies.Select(a => new AgencyCode(a)))
                {
                    AdapterBus.ConfigureDeliveryEndpoint(memory, context, agency, prefetchCount: 16);
                    ConfigureErrorQueueProbe(memory, context.GetRequiredService<ErrorQueueProbe>(), HubTopology.IngressQueue(agency) + "_error");
                    ConfigureErrorQueueProbe(memory, context.GetRequiredService<ErrorQueueProbe>(), HubTopology.IngressQueue(agency) + "_skipped");
                }
            });
        });

        var provider = services.BuildServiceProvider(validateScopes: true);
        var host = new RouterTestHost(provider, directory);
        await host.Harness.Start();
        return host;
    }

    /// <summary>Sends a message to an agency's ingress queue the way an adapter (or an impostor) would, with a chosen message id.</summary>
    public async Task<Guid> SendAsync(AgencyCode via, object message, Guid? messageId = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var id = messageId ?? NewId.NextGuid();
        using var scope = _provider.CreateScope();
        var sendEndpoints = scope.ServiceProvider.GetRequiredService<ISendEndpointProvider>();
        var endpoint = await sendEndpoints.GetSendEndpoint(HubAddresses.InMemory.Submit(via));
        await endpoint.Send(message, message.GetType(), send =>
        {
            send.MessageId = id;
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                send.Headers.Set(name, value);
            }
        });
        return id;
    }

    public async Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync()
    {
        var entries = new List<LedgerEntry>();
        long after = 0;
        while (true)
        {
            var page = await Store.ReadAsync(after, 500, CancellationToken.None);
            if (page.Count == 0)
            {
                return entries;
            }

            entries.AddRange(page);
            after = page[^1].Sequence;
        }
    }

    public Task<IReadOnlyList<LedgerEntry>> WaitForLedgerAsync(Func<IReadOnlyList<LedgerEntry>, bool> done, string what) =>
        Eventually.UntilAsync(ReadLedgerAsync, done, what);

    /// <summary>Waits until the router's consumer has finished with one ingress message, successfully or with a fault.</summary>
    public Task<IReceivedMessage<T>> WaitForIngressConsumedAsync<T>(Guid messageId)
        where T : class =>
        Eventually.UntilAsync(
            () => Snapshot<T>().FirstOrDefault(m => m.Context.MessageId == messageId),
            m => m is not null,
            $"{typeof(T).Name} message {messageId} to be consumed")!;

    /// <summary>What the harness has recorded so far; its Select would otherwise wait for more until the test timeout.</summary>
    public IReadOnlyList<IReceivedMessage<T>> Snapshot<T>()
        where T : class => [.. Harness.Consumed.Select<T>(new CancellationToken(canceled: true))];

    public Task<IReadOnlyList<EventDelivered>> WaitForDeliveriesAsync(Guid eventId, int count) =>
        Eventually.UntilAsync(
            () => (IReadOnlyList<EventDelivered>)[.. Sink.Received.Where(d => d.EventId == eventId)],
            d => d.Count >= count,
            $"{count} deliveries of event {eventId}");

    public Task<ErrorQueueMessage> WaitForErrorQueueAsync(Guid messageId) =>
        Eventually.UntilAsync(
            () => ErrorQueues.Messages.FirstOrDefault(m => m.MessageId == messageId),
            m => m is not null,
            $"message {messageId} in an ingress error queue")!;

    /// <summary>Sends a genuine probation release notice and waits until it is ledgered and delivered to police and jcp.</summary>
    public async Task<IReadOnlyList<EventDelivered>> RouteValidReleaseAsync(ReleaseScheduled? release = null)
    {
        release ??= TestEvents.Release();
        var eventId = release.Envelope.EventId;
        await SendAsync(AgencyCode.Probation, release);
        await WaitForLedgerAsync(rows => rows.Count(r => r.EventId == eventId && r.Kind == LedgerEntryKind.Decision) >= 4, $"the decisions on event {eventId}");
        return await WaitForDeliveriesAsync(eventId, 2);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp ledger left behind is harmless.
        }
    }

    private static void ConfigureErrorQueueProbe(IInMemoryBusFactoryConfigurator bus, ErrorQueueProbe probe, string queue) =>
        bus.ReceiveEndpoint(queue, endpoint =>
        {
            endpoint.ConfigureConsumeTopology = false;
            endpoint.ConfigureDeadLetter(deadLetter => deadLetter.UseFilter(probe));
        });
}
