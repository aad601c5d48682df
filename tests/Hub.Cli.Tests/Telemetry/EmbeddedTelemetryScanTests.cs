using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Adapters.Core.Publishing;
using Hub.Adapters.Core.Telemetry;
using Hub.Cli.Embedded;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;
using Hub.Contracts.Topology;
using Hub.Router.Telemetry;
using Hub.ServiceDefaults.Telemetry;
using Hub.Sharing.Cases;
using Hub.Testing.Telemetry;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.Cli.Tests.Telemetry;

/// <summary>
/// The PII scan: the embedded hub (router and the five agencies' delivery endpoints on the in-memory transport, the
/// production code paths) plays the demo and then every case of every scenario in samples/cases, while every span and
/// log record it exports is collected. No subject identifier, name, date of birth, address, postcode or other free-text
/// payload value of those events may appear in any of them.
/// </summary>
public sealed class EmbeddedTelemetryScanTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agencyhub-pii-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
    private readonly string _cases = Path.Combine(AppContext.BaseDirectory, "samples", "cases");

    [Fact]
    public async Task When_the_demo_and_every_scenario_run_should_export_spans_and_logs_without_seeded_personal_data()
    {
        var capture = new TelemetryCapture();
        var run = new EmbeddedRun(Path.Combine(_folder, "ledger.db"), _agreements, builder => capture.AttachTo(builder.Services));

        // The demo as `hub` plays it: AS-01, AS-15, a forged source, then AS-09's opt-in, withdrawal and recalls.
        (await run.ExecuteAsync(TextWriter.Null, CancellationToken.None)).ShouldBe(0);

        // Then every case of every scenario, each under a fresh event id (cases reuse ids across files).
        var cases = ReadCases();
        cases.Select(c => c.Name[..5]).Distinct().Count().ShouldBeGreaterThanOrEqualTo(20, "every scenario AS-01 to AS-20 has cases");
        var submitted = new HashSet<string>(StringComparer.Ordinal);
        using (var host = run.Build())
        {
            await host.StartAsync();
            foreach (var shareCase in cases)
            {
                var @event = WithFreshEventId(shareCase.Event);
                await SubmitAsync(host.Services, shareCase.Source, @event);
                submitted.Add(@event.Envelope.EventId.ToString());
            }

            var routed = await Eventually.UntilAsync(
                () => capture.Spans.Where(s => IsRouterSpan(s, "route ") && submitted.Contains(Tag(s, HubTraceAttributes.EventId) ?? "")).ToList(),
                spans => spans.Count >= submitted.Count,
                $"a route span for each of the {submitted.Count} case events");
            var allowed = routed.Sum(s => s.GetTagItem(HubTraceAttributes.Allowed) as int? ?? 0);
            allowed.ShouldBeGreaterThan(0, "some case events are shared");
            await Eventually.UntilAsync(
                () => capture.Spans.Count(s => IsSinkSpan(s) && submitted.Contains(Tag(s, HubTraceAttributes.EventId) ?? "")),
                n => n >= allowed,
                "a sink write span for every delivery of the case events");
            await host.StopAsync();
        }

        var spans = capture.Spans;
        var logs = capture.Logs;

        // Not vacuous: every hop is there, on one trace per event.
        spans.ShouldContain(s => IsRouterSpan(s, "route "));
        spans.ShouldContain(s => IsRouterSpan(s, "decision") && Tag(s, HubTraceAttributes.Outcome) == "allowed" && Tag(s, HubTraceAttributes.AgreementId) != null && Tag(s, HubTraceAttributes.FlowId) != null);
        spans.ShouldContain(s => IsRouterSpan(s, "decision") && Tag(s, HubTraceAttributes.Outcome) == "denied");
        spans.ShouldContain(s => IsRouterSpan(s, "ledger write"));
        spans.ShouldContain(s => IsRouterSpan(s, "deliver "));
        spans.ShouldContain(s => IsRouterSpan(s, "route ") && Tag(s, HubTraceAttributes.RejectionCode) == "forged-source");
        spans.ShouldContain(s => s.Source.Name == HubTelemetryNames.MassTransit && s.Kind == ActivityKind.Producer);
        spans.ShouldContain(s => s.Source.Name == HubTelemetryNames.MassTransit && s.Kind == ActivityKind.Consumer);
        spans.Count(IsSinkSpan).ShouldBeGreaterThan(0);
        EverySinkWriteIsInItsRouteTrace(spans);

        logs.ShouldContain(l => l.Category.EndsWith("IngressProcessor", StringComparison.Ordinal) && l.TraceId != default, "routed events are logged with their trace id");
        logs.ShouldContain(l => l.Category.EndsWith("DeliveryConsumer", StringComparison.Ordinal) && l.TraceId != default);
        logs.ShouldContain(l => l.Category.EndsWith("RejectionRecorder", StringComparison.Ordinal), "the forged submission's rejection is logged");

        var seeds = Seeds(cases).ToList();
        seeds.ShouldContain("JY123456C", "a NINo");
        seeds.ShouldContain("2019/0412345P", "a PNC id");
        seeds.ShouldContain("9990000018", "an NHS number");
        seeds.ShouldContain(s => s.Contains("Example Row", StringComparison.Ordinal), "an address");
        seeds.ShouldContain("SE99 9ZZ", "a postcode");
        seeds.ShouldContain(s => IsEarlyDate(s), "a date of birth");
        var scanner = new PiiScanner(seeds);
        scanner.SeedCount.ShouldBeGreaterThan(50, "the scenarios seed identifiers, names, dates of birth and addresses");
        var findings = scanner.Scan(spans, logs);
        findings.ShouldBeEmpty($"{findings.Count} finding(s) in {spans.Count} spans and {logs.Count} log records:\n{string.Join("\n", findings.DistinctBy(f => f[..f.IndexOf(" in ", StringComparison.Ordinal)]).Take(30))}");
    }

    /// <summary>On the in-memory transport too, each sink write descends from its event's route span.</summary>
    private static void EverySinkWriteIsInItsRouteTrace(IReadOnlyList<Activity> spans)
    {
        var byId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        var routes = spans.Where(s => IsRouterSpan(s, "route ") && Tag(s, HubTraceAttributes.Allowed) is not null).ToLookup(s => Tag(s, HubTraceAttributes.EventId));
        foreach (var sink in spans.Where(IsSinkSpan))
        {
            var route = routes[Tag(sink, HubTraceAttributes.EventId)].ShouldHaveSingleItem($"one route span for event {Tag(sink, HubTraceAttributes.EventId)}");
            sink.TraceId.ShouldBe(route.TraceId);
            IsAncestor(byId, route, sink).ShouldBeTrue($"the route span of event {Tag(sink, HubTraceAttributes.EventId)} is an ancestor of its sink write");
        }
    }

    internal static bool IsAncestor(IReadOnlyDictionary<ActivitySpanId, Activity> byId, Activity ancestor, Activity descendant)
    {
        var current = descendant;
        while (current.ParentSpanId != default && byId.TryGetValue(current.ParentSpanId, out var parent))
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }

            current = parent;
        }

        return false;
    }

    private static bool IsEarlyDate(string value) => DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date) && date.Year < 2020;

    private static bool IsRouterSpan(Activity span, string namePrefix) =>
        span.Source.Name == RouterTracing.SourceName && span.DisplayName.StartsWith(namePrefix, StringComparison.Ordinal);

    private static bool IsSinkSpan(Activity span) =>
        span.Source.Name == AdapterTracing.SourceName && span.DisplayName.StartsWith("sink write ", StringComparison.Ordinal);

    private static string? Tag(Activity span, string key) => span.GetTagItem(key)?.ToString();

    private List<ShareCase> ReadCases()
    {
        var cases = new List<ShareCase>();
        foreach (var file in Directory.GetFiles(_cases, "*.yaml").Order(StringComparer.Ordinal))
        {
            var (read, diagnostics) = CaseFile.Read(Path.GetFileName(file), File.ReadAllText(file));
            diagnostics.Where(d => d.IsError).ShouldBeEmpty();
            cases.AddRange(read);
        }

        return cases;
    }

    private static IShareableEvent WithFreshEventId(IShareableEvent @event)
    {
        var node = JsonSerializer.SerializeToNode(@event, @event.GetType(), ContractJson.Options)!.AsObject();
        node["envelope"]!["eventId"] = Guid.NewGuid().ToString();
        return (IShareableEvent)node.Deserialize(@event.GetType(), ContractJson.Options)!;
    }

    private static async Task SubmitAsync(IServiceProvider services, AgencyCode source, IShareableEvent @event)
    {
        using var scope = services.CreateScope();
        if (@event.Envelope.Source == source)
        {
            await scope.ServiceProvider.GetRequiredService<IngressPublisher>().SubmitAsync(source, @event, CancellationToken.None);
        }
        else
        {
            var endpoint = await scope.ServiceProvider.GetRequiredService<ISendEndpointProvider>().GetSendEndpoint(HubAddresses.InMemory.Submit(source));
            await endpoint.Send(@event, @event.GetType(), CancellationToken.None);
        }
    }

    /// <summary>Values that are metadata, not personal data, wherever they appear in a payload.</summary>
    private static HashSet<string> NotPersonal() =>
        [.. AgencyCode.WellKnown.Select(a => a.Value), .. EventCatalogue.All.Select(e => e.Name)];

    private static IEnumerable<string> Seeds(IEnumerable<ShareCase> cases)
    {
        var now = DateTimeOffset.UnixEpoch;
        IShareableEvent[] demo =
        [
            DemoScenario.ReleaseNotice(now).Event,
            DemoScenario.Discharge(now).Event,
            ConsentScenario.OptIn("C-SEED", now),
            ConsentScenario.Release("C-SEED", now),
        ];
        var notPersonal = NotPersonal();
        return cases.Select(c => c.Event).Concat(demo)
            .SelectMany(e => PiiSeeds.FromEvent(JsonSerializer.SerializeToElement(e, e.GetType(), ContractJson.Options), notPersonal))
            .Where(s => s != "C-SEED")
            .Distinct(StringComparer.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
