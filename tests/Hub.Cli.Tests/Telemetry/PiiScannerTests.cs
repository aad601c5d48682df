using System.Diagnostics;
using Hub.ServiceDefaults.Telemetry;
using Hub.Testing.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.Cli.Tests.Telemetry;

/// <summary>The PII scan can fail: a planted identifier is found wherever telemetry carries it.</summary>
public sealed class PiiScannerTests
{
    private static readonly string[] Seeds = ["JY123456C", "9990000018", "Flat 0, 1 Example Row, London SE99 9ZZ", "SE99 9ZZ", "1994-03-02"];

    [Fact]
    public void When_a_span_tag_carries_a_reformatted_identifier_should_report_it()
    {
        using var span = new Activity("sink write custody.release.scheduled");
        span.SetTag(HubTraceAttributes.EventType, "custody.release.scheduled");
        span.SetTag("note", "subject jy 12 34 56 c");
        span.Start().Stop();

        var findings = new PiiScanner(Seeds).Scan([span], []);

        findings.ShouldHaveSingleItem().ShouldContain("'JY123456C' in span 'sink write custody.release.scheduled'");
    }

    [Fact]
    public void When_a_span_status_event_or_baggage_carries_an_identifier_should_report_each()
    {
        using var span = new Activity("route");
        span.AddBaggage("who", "999 000 0018");
        span.Start();
        span.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.message"] = "born 1994-03-02" }));
        span.SetStatus(ActivityStatusCode.Error, "no route to SE99 9ZZ");
        span.Stop();

        var findings = new PiiScanner(Seeds).Scan([span], []);

        findings.ShouldContain(f => f.Contains("'9990000018'", StringComparison.Ordinal) && f.Contains("baggage", StringComparison.Ordinal));
        findings.ShouldContain(f => f.Contains("'1994-03-02'", StringComparison.Ordinal) && f.Contains("event exception", StringComparison.Ordinal));
        findings.ShouldContain(f => f.Contains("'SE99 9ZZ'", StringComparison.Ordinal) && f.Contains("status", StringComparison.Ordinal));
    }

    [Fact]
    public void When_telemetry_carries_only_identifiers_codes_and_counts_should_report_nothing()
    {
        using var span = new Activity("decision");
        span.SetTag(HubTraceAttributes.RecipientAgency, "police");
        span.SetTag(HubTraceAttributes.AgreementId, "DSA-001");
        span.SetTag(HubTraceAttributes.DecisionId, Guid.NewGuid().ToString());
        span.SetTag(HubTraceAttributes.ReleasedFieldCount, 7);
        span.Start().Stop();

        new PiiScanner(Seeds).Scan([span], []).ShouldBeEmpty();
    }

    [Fact]
    public void When_a_dead_letter_header_report_or_console_line_carries_an_identifier_should_report_where()
    {
        (string Where, string? Text)[] texts =
        [
            ("hub.ingress.probation_error message 1 header MT-Fault-Message", "MT-Fault-Message=malformed: subject.nino 'jy 123456 c' is not a NINo"),
            ("report release-list.csv", """{ "quarantined": [ { "row": 2, "reasons": [ "date_of_birth: 1994/03/02 is in the future" ] } ] }"""),
            ("console line 7", "[router] info: Hub.Router.Ingress.IngressProcessor[1]"),
            ("police /metrics line 3", "agencyhub_adapter_deliveries_total{agencyhub_recipient_agency=\"police\"} 1"),
            ("hub ops dlq list line 1", null),
        ];

        var findings = new PiiScanner(Seeds).Scan(texts);

        findings.Count.ShouldBe(2, string.Join("\n", findings));
        findings.ShouldContain(f => f.StartsWith("'JY123456C' in hub.ingress.probation_error message 1 header MT-Fault-Message: ", StringComparison.Ordinal));
        findings.ShouldContain(f => f.StartsWith("'1994-03-02' in report release-list.csv: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_a_log_record_through_the_hub_pipeline_carries_an_address_should_report_message_state_scope_and_exception()
    {
        var capture = new TelemetryCapture();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddHubTracing("pii-scanner-test");
        capture.AttachTo(builder.Services);
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Planted");
            using var source = new ActivitySource("AgencyHub.Test");
#pragma warning disable CA1848 // Deliberately bad, non-generated log calls: what the scan must catch.
            using (var span = source.StartActivity("planted"))
            using (logger.BeginScope("case {Postcode}", "SE99 9ZZ"))
            {
                span.ShouldNotBeNull("AddHubTracing listens to AgencyHub.* sources");
                logger.LogWarning(new InvalidOperationException("no such NINo JY123456C"), "Could not deliver to {Address}", "Flat 0, 1 Example Row, London SE99 9ZZ");
            }
#pragma warning restore CA1848

            await host.StopAsync();
        }

        var log = capture.Logs.Where(l => l.Category == "Planted").ShouldHaveSingleItem();
        log.TraceId.ShouldNotBe(default, "log records carry the current trace id");
        var findings = new PiiScanner(Seeds).Scan(capture.Spans, capture.Logs);
        findings.ShouldContain(f => f.Contains("'Flat 0, 1 Example Row, London SE99 9ZZ' in log Planted/0 message", StringComparison.Ordinal));
        findings.ShouldContain(f => f.Contains("attribute Address", StringComparison.Ordinal));
        findings.ShouldContain(f => f.Contains("'SE99 9ZZ' in log Planted/0 scope", StringComparison.Ordinal));
        findings.ShouldContain(f => f.Contains("'JY123456C' in log Planted/0 exception", StringComparison.Ordinal));
    }
}
