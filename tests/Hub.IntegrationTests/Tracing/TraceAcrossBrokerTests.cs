using System.Diagnostics;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Telemetry;
using Hub.Contracts.Agencies;
using Hub.Contracts.Subjects;
using Hub.IntegrationTests.Infrastructure;
using Hub.IntegrationTests.Sources;
using Hub.Router.Telemetry;
using Hub.ServiceDefaults.Telemetry;
using Hub.Testing.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Hub.IntegrationTests.Tracing;

/// <summary>
/// Over real RabbitMQ: a row read from probation's drop folder, published, routed, decided, ledgered and delivered to
/// the police adapter's sink is one trace, with W3C context carried in the message headers at each broker hop, and
/// the source read span is an ancestor of the sink write span.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class TraceAcrossBrokerTests(ServersFixture servers) : IAsyncLifetime
{
    private const int Rows = 3;

    private BrokerClient _admin = null!;
    private string _ledger = null!;
    private string _root = null!;

    public async Task InitializeAsync()
    {
        _admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await _admin.PurgeHubQueuesAsync();
        _ledger = await servers.CreateDatabaseAsync();
        _root = Directory.CreateTempSubdirectory("agencyhub-it-trace-").FullName;
    }

    public async Task DisposeAsync() => await _admin.DisposeAsync();

    [Fact]
    public async Task When_a_drop_folder_row_is_shared_should_trace_source_read_router_and_sink_write_in_one_trace()
    {
        // Everything this process exports: the router and both adapters run in it, each host with its own AddHubTracing.
        var exported = new ConcurrentCollection<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(HubTelemetryNames.HubSources, HubTelemetryNames.MassTransit)
            .AddInMemoryExporter(exported)
            .Build();

        var layout = new DropFolderLayout(_root);
        layout.Create();
        await File.WriteAllTextAsync(Path.Combine(layout.Inbox, "releases.csv"), string.Join("\n", [ReleaseCsvMapper.Header, .. Enumerable.Range(1, Rows).Select(ReleaseCsvMapper.Row)]) + "\n");
        await using var router = await RouterUnderTest.StartAsync(servers.Broker, _ledger, TestAgreements.WriteFolder());
        await using var police = await AdapterUnderTest.StartAsync(servers.Broker, AgencyCode.Police);
        await using var probation = await SourceAdapterHost.StartAsync(servers.Broker, Settings(), b => b.AddDropFolderSource<ReleaseCsvMapper>());

        var report = await probation.DropFolder.ProcessAsync("releases.csv", CancellationToken.None);
        report.Published.ShouldBe(Rows);

        var reads = exported.Snapshot().Where(s => s.Source.Name == AdapterTracing.SourceName && s.DisplayName == "read drop-folder").ToList();
        reads.Count.ShouldBe(Rows, "one source read span per row");
        var eventIds = reads.Select(r => Tag(r, HubTraceAttributes.EventId).ShouldNotBeNull()).ToHashSet();
        reads.Select(r => r.TraceId).Distinct().Count().ShouldBe(Rows, "each row starts its own trace");

        var sinkWrites = await Eventually.UntilAsync(
            () => exported.Snapshot().Where(s => IsSinkWrite(s) && Tag(s, HubTraceAttributes.RecipientAgency) == "police" && eventIds.Contains(Tag(s, HubTraceAttributes.EventId)!)).ToList(),
            s => s.Count >= Rows,
            "the police sink write span of every row");

        // A span is exported when it ends: the router's consume span may end after the recipient's sink wrote.
        var readIds = reads.Select(r => r.SpanId).ToHashSet();
        var spans = await Eventually.UntilAsync(
            () => exported.Snapshot(),
            all =>
            {
                var ids = all.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
                return sinkWrites.All(sink => Ancestors(ids, sink).Any(a => readIds.Contains(a.SpanId)));
            },
            "each sink write's ancestors back to a source read to be exported");
        var byId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        foreach (var read in reads)
        {
            var eventId = Tag(read, HubTraceAttributes.EventId);
            var sink = sinkWrites.Where(s => Tag(s, HubTraceAttributes.EventId) == eventId).ShouldHaveSingleItem();
            sink.TraceId.ShouldBe(read.TraceId, "the sink write is in the source read's trace");
            var chain = Ancestors(byId, sink);
            chain.ShouldContain(read, "the source read span is an ancestor of the sink write span");

            // Every hop on the way, in order from the sink back to the source.
            var route = chain.Where(s => s.Source.Name == RouterTracing.SourceName && s.DisplayName.StartsWith("route ", StringComparison.Ordinal)).ShouldHaveSingleItem();
            Tag(route, HubTraceAttributes.EventId).ShouldBe(eventId);
            var deliver = chain.Where(s => s.Source.Name == RouterTracing.SourceName && s.DisplayName.StartsWith("deliver ", StringComparison.Ordinal)).ShouldHaveSingleItem();
            Tag(deliver, HubTraceAttributes.RecipientAgency).ShouldBe("police");
            Tag(deliver, HubTraceAttributes.AgreementId).ShouldNotBeNull();
            Tag(deliver, HubTraceAttributes.FlowId).ShouldNotBeNull();
            chain.Count(s => s.Source.Name == HubTelemetryNames.MassTransit && s.Kind == ActivityKind.Consumer).ShouldBeGreaterThanOrEqualTo(2, "the router's and the police adapter's consume spans: context crossed the broker twice");
            chain.Count(s => s.Source.Name == HubTelemetryNames.MassTransit && s.Kind == ActivityKind.Producer).ShouldBeGreaterThanOrEqualTo(2, "probation's publish and the router's delivery send");

            var inTrace = spans.Where(s => s.TraceId == read.TraceId).ToList();
            inTrace.ShouldContain(s => s.Source.Name == RouterTracing.SourceName && s.DisplayName == "ledger write");
            inTrace.Count(s => s.Source.Name == RouterTracing.SourceName && s.DisplayName == "decision").ShouldBe(AgencyCode.WellKnown.Count - 1, "one decision span per candidate recipient");
        }

        // The same spans carry none of the rows' personal data.
        var seeds = Enumerable.Range(1, Rows).SelectMany(n => new[] { $"PRB-{n}", PncId.Create(2019, 400000 + n).ToString() }).Append("HMP Fictional");
        var findings = new PiiScanner(seeds).Scan(spans, []);
        findings.ShouldBeEmpty(string.Join("\n", findings.Take(20)));
    }

    private static List<Activity> Ancestors(Dictionary<ActivitySpanId, Activity> byId, Activity span)
    {
        var chain = new List<Activity>();
        var current = span;
        while (current.ParentSpanId != default && byId.TryGetValue(current.ParentSpanId, out var parent))
        {
            chain.Add(parent);
            current = parent;
        }

        return chain;
    }

    private static bool IsSinkWrite(Activity span) =>
        span.Source.Name == AdapterTracing.SourceName && span.DisplayName.StartsWith("sink write ", StringComparison.Ordinal);

    private static string? Tag(Activity span, string key) => span.GetTagItem(key)?.ToString();

    private Dictionary<string, string?> Settings() => new()
    {
        ["Adapter:Sources:DropFolder:Enabled"] = "false",
        ["Adapter:Sources:DropFolder:Path"] = _root,
    };
}
