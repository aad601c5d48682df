using Hub.Testing.Messaging;
using System.Text.Json;
using Hub.Adapters.Core.Configuration;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts;
using Hub.Contracts.Envelope;
using Hub.Contracts.Topology;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Core.Tests.Sources.Support;

/// <summary>The source services for probation on the in-memory transport under the test harness, over a temp drop folder.</summary>
internal sealed class SourceTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private SourceTestHost(ServiceProvider provider, string root)
    {
        _provider = provider;
        Root = root;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public string Root { get; }

    public ITestHarness Harness { get; }

    public ReleaseRowMapper Mapper => _provider.GetRequiredService<ReleaseRowMapper>();

    public DropFileProcessor Processor => _provider.GetRequiredService<DropFileProcessor>();

    public DropFolderLayout Layout => Processor.Layout;

    public static async Task<SourceTestHost> StartAsync(string? root = null, Action<DropFolderOptions>? configure = null)
    {
        root ??= Directory.CreateTempSubdirectory("agencyhub-drop-").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAdapterCore(HubAddresses.InMemory);
        services.Configure<AdapterOptions>(o => o.Agency = "probation");
        services.Configure<DropFolderOptions>(o =>
        {
            o.Enabled = true;
            o.Path = root;
            configure?.Invoke(o);
        });
        services.AddSourceCore();
        services.AddSingleton<ReleaseRowMapper>();
        services.AddSingleton<IRecordMapper<DropFolderRecord>>(sp => sp.GetRequiredService<ReleaseRowMapper>());
        services.AddSingleton<DropFileProcessor>();
        services.AddMassTransitTestHarness(bus => bus.UsingInMemory((_, _) => { }));
        var host = new SourceTestHost(services.BuildServiceProvider(validateScopes: true), root);
        host.Layout.Create();
        await host.Harness.Start();
        return host;
    }

    /// <summary>Holds the publishes of events <paramref name="hold"/> picks unconfirmed until released.</summary>
    public HeldSends Hold(Func<Guid, bool> hold)
    {
        var held = new HeldSends(hold);
        Harness.Bus.ConnectSendObserver(held);
        return held;
    }

    /// <summary>Records the order in which source publishes start from now on.</summary>
    public SendOrder RecordSendOrder()
    {
        var order = new SendOrder();
        Harness.Bus.ConnectSendObserver(order);
        return order;
    }

    /// <summary>The stored checkpoint of <paramref name="name"/>; none is stored until a row has settled (row 0 then).</summary>
    public async Task<DropFileCheckpoint> CheckpointAsync(string name) =>
        File.Exists(Layout.Checkpoint(name))
            ? JsonSerializer.Deserialize<DropFileCheckpoint>(await File.ReadAllTextAsync(Layout.Checkpoint(name)), ContractJson.Options)!
            : new DropFileCheckpoint { ContentSha256 = string.Empty, LastRow = 0, Published = 0, Quarantined = [] };

    public async Task DropAsync(string name, string content) =>
        await File.WriteAllTextAsync(Path.Combine(Layout.Inbox, name), content);

    /// <summary>Event ids sent to probation's ingress so far, in order; the harness keeps one entry per message id, so no repeats.</summary>
    public IReadOnlyList<Guid> SentEventIds() =>
        [.. Harness.Sent.Select(_ => true, new CancellationToken(canceled: true))
            .Select(s => s.MessageObject)
            .OfType<IShareableEvent>()
            .Select(e => e.Envelope.EventId)];

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
