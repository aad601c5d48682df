using System.Text.Json;

namespace Hub.Cli.Tests.Json;

/// <summary><c>hub ops trace --format json --no-broker</c> on the demo ledger with a retraction: decisions, deliveries and recalls as data.</summary>
public sealed class TraceJsonTests(RetractedDemoLedger ledger) : IClassFixture<RetractedDemoLedger>
{
    [Fact]
    public async Task When_a_retracted_event_is_traced_as_json_should_give_its_decisions_deliveries_and_recalls()
    {
        var (eventId, source, recipient, deliveryId) = ledger.Retracted;

        var (exitCode, output, errors) = await HubProcess.RunAsync("ops", "trace", eventId.ToString(), "--sqlite", ledger.LedgerPath, "--no-broker", "--format", "json");

        exitCode.ShouldBe(0, errors);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        root.GetProperty("schema").GetString().ShouldBe("agencyhub.ops.trace/1");
        root.GetProperty("eventId").GetGuid().ShouldBe(eventId);
        root.GetProperty("source").GetString().ShouldBe(source);
        root.GetProperty("found").GetBoolean().ShouldBeTrue();
        var decision = root.GetProperty("ledger").EnumerateArray().Single(r => r.TryGetProperty("deliveryId", out var d) && d.GetGuid() == deliveryId);
        decision.GetProperty("kind").GetString().ShouldBe("decision");
        decision.GetProperty("outcome").GetString().ShouldBe("allowed");
        decision.GetProperty("recipient").GetString().ShouldBe(recipient);
        root.GetProperty("outbox").EnumerateArray().ShouldContain(o => o.GetProperty("deliveryId").GetGuid() == deliveryId);
        var recalls = root.GetProperty("recalls").EnumerateArray().Where(r => r.GetProperty("cause").GetString() == "retraction").ToList();
        recalls.Count.ShouldBe(ledger.RetractionRecalls);
        recalls.ShouldAllBe(r => r.GetProperty("retraction").GetGuid() == ledger.RetractionId);
        root.GetProperty("broker").GetProperty("checked").GetBoolean().ShouldBeFalse();
        root.GetProperty("timeline").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task When_the_event_is_unknown_should_exit_1_with_an_empty_trace()
    {
        var unknown = Guid.NewGuid();

        var (exitCode, output, _) = await HubProcess.RunAsync("ops", "trace", unknown.ToString(), "--sqlite", ledger.LedgerPath, "--no-broker", "--format", "json");

        exitCode.ShouldBe(1);
        using var document = JsonDocument.Parse(output);
        document.RootElement.GetProperty("found").GetBoolean().ShouldBeFalse();
        document.RootElement.GetProperty("ledger").GetArrayLength().ShouldBe(0);
    }
}
