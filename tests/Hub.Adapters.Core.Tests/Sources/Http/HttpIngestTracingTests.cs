using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Hub.Adapters.Core.Telemetry;
using Hub.Adapters.Core.Tests.Support;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.ServiceDefaults.Telemetry;
using Hub.Testing.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Hub.Adapters.Core.Tests.Sources.Http;

/// <summary>An HTTP ingest request is where its event's trace starts, continuing the caller's <c>traceparent</c>.</summary>
public sealed class HttpIngestTracingTests
{
    [Fact]
    public async Task When_the_caller_sends_a_traceparent_should_read_and_publish_the_event_in_the_callers_trace()
    {
        var exported = new ConcurrentCollection<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(HubTelemetryNames.HubSources, HubTelemetryNames.MassTransit, "Microsoft.AspNetCore")
            .AddInMemoryExporter(exported)
            .Build();
        await using var server = await IngestTestServer.StartAsync();
        var release = TestDeliveries.Release(AgencyCode.Probation);
        var callerTrace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/events/custody.release.scheduled", UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(release, ContractJson.Options), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{callerTrace}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await server.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var spans = await Eventually.UntilAsync(
            () => exported.Snapshot().Where(s => s.TraceId == callerTrace).ToList(),
            s => s.Any(x => x.Source.Name == AdapterTracing.SourceName) && s.Any(x => x.Source.Name == HubTelemetryNames.MassTransit),
            "the ingest request's spans");
        var read = spans.Where(s => s.Source.Name == AdapterTracing.SourceName).ShouldHaveSingleItem();
        read.DisplayName.ShouldBe("read http-ingest");
        read.GetTagItem(HubTraceAttributes.Outcome).ShouldBe("published");
        read.GetTagItem(HubTraceAttributes.EventId).ShouldBe(release.Envelope.EventId.ToString());
        read.GetTagItem(HubTraceAttributes.SourceAgency).ShouldBe("probation");
        var send = spans.Where(s => s.Source.Name == HubTelemetryNames.MassTransit && s.Kind == ActivityKind.Producer).ShouldHaveSingleItem();
        send.ParentSpanId.ShouldBe(read.SpanId, "the publish is a child of the source read");
        new PiiScanner(["9434765919", "HMP Fictional"]).Scan(spans, []).ShouldBeEmpty();
    }
}
