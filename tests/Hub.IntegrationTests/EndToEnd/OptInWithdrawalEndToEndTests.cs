using Hub.Contracts.Agencies;
using Hub.Cli.Embedded;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.EndToEnd;

/// <summary>
/// AS-09 on real RabbitMQ and Postgres under the sample agreements: probation records an opt-in consent (DSA-009)
/// through the hub, a release notice goes to police and the council on it, the consent is withdrawn, both recipients'
/// adapters erase and acknowledge the recall, statutory recipients are not recalled, a later notice no longer carries
/// the consent-only field, and `hub audit subject` lists exactly the decisions that were made.
/// </summary>
[Collection(ServersGroup.Name)]
public class OptInWithdrawalEndToEndTests(ServersFixture servers) : IAsyncLifetime
{
    private const string Nino = "JY975310A"; // the embedded AS-09 person (ConsentScenario)
    private readonly string _consent = "C-IT-OPTIN-" + Guid.NewGuid().ToString("N")[..6];
    private SampleHub _hub = null!;

    public async Task InitializeAsync() => _hub = await SampleHub.StartAsync(servers);

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task When_the_opt_in_is_withdrawn_should_recall_consent_based_deliveries_and_stop_sharing_on_it()
    {
        var now = TimeProvider.System.GetUtcNow();
        var optIn = ConsentScenario.OptIn(_consent, now);
        var optInRows = await _hub.DecideAsync(AgencyCode.Probation, optIn);
        (await ConsentQueries.IsRegisteredAsync(_hub.Ledger, _consent)).ShouldBeTrue();
        optInRows.ShouldAllBe(r => r.Outcome == "denied", "an opt-in to enhanced resettlement starts no benefit claim (DSA-005 needs purpose benefit-continuity)");

        var first = ConsentScenario.Release(_consent, now);
        var firstRows = await _hub.DecideAsync(AgencyCode.Probation, first);
        firstRows.Single(r => r.Recipient == "police").Footing.ShouldBe("consent");
        firstRows.Single(r => r.Recipient == "council").Footing.ShouldBe("consent");
        firstRows.Single(r => r.Recipient == "jcp").Footing.ShouldBe("basis");
        var police = await Eventually.UntilAsync(() => _hub[AgencyCode.Police].Sink.Received.SingleOrDefault(d => d.EventId == first.Envelope.EventId), d => d is not null, "police delivery");
        police!.Payload.TryGetProperty("leadProfessional", out _).ShouldBeTrue("the enhanced field leaves on the consent");
        var council = await Eventually.UntilAsync(() => _hub[AgencyCode.Council].Sink.Received.SingleOrDefault(d => d.EventId == first.Envelope.EventId), d => d is not null, "council delivery");
        await Eventually.UntilAsync(() => _hub[AgencyCode.Jcp].Sink.Received.Count(d => d.EventId == first.Envelope.EventId), n => n == 1, "jcp delivery");

        var withdrawal = ConsentScenario.Withdrawal(_consent, TimeProvider.System.GetUtcNow());
        await _hub.DecideAsync(AgencyCode.Probation, withdrawal);
        var recalls = await Eventually.UntilAsync(() => ConsentQueries.RecallsAsync(_hub.Ledger, _consent), r => r.Count == 2 && r.All(x => x.Acknowledged), "both recalls acknowledged");
        recalls.Select(r => (r.Recipient, r.DeliveryId)).ShouldBe([("council", council!.DeliveryId), ("police", police.DeliveryId)]);
        _hub[AgencyCode.Police].Sink.Recalled.ShouldContain(police.DeliveryId);
        _hub[AgencyCode.Police].Sink.Received.ShouldNotContain(d => d.DeliveryId == police.DeliveryId);
        _hub[AgencyCode.Council].Sink.Recalled.ShouldContain(council.DeliveryId);
        _hub[AgencyCode.Jcp].Sink.Recalled.ShouldBeEmpty("JCP received the notice on a statutory basis");

        var second = ConsentScenario.Release(_consent, TimeProvider.System.GetUtcNow());
        var secondRows = await _hub.DecideAsync(AgencyCode.Probation, second);
        secondRows.Where(r => r.Outcome == "allowed").ShouldAllBe(r => r.Footing != "consent");
        var later = await Eventually.UntilAsync(() => _hub[AgencyCode.Police].Sink.Received.SingleOrDefault(d => d.EventId == second.Envelope.EventId), d => d is not null, "police delivery after withdrawal");
        later!.Payload.TryGetProperty("leadProfessional", out _).ShouldBeFalse("the consent-only field no longer leaves");

        using var report = await SubjectReportProcess.RunAsync(_hub.Ledger, _hub.SubjectKey, "--nino", Nino);
        var decisions = report.RootElement.GetProperty("decisions").EnumerateArray().ToList();
        var expected = new[] { (optIn.Envelope.EventId, optInRows), (first.Envelope.EventId, firstRows), (withdrawal.Envelope.EventId, await ConsentQueries.DecisionsAsync(_hub.Ledger, withdrawal.Envelope.EventId)), (second.Envelope.EventId, secondRows) }
            .SelectMany(e => e.Item2.Select(r => $"{e.Item1}|{r.Recipient}|{(r.Outcome == "allowed" ? "disclosed" : "denied")}"))
            .Order(StringComparer.Ordinal);
        decisions.Select(d => $"{d.GetProperty("eventId").GetGuid()}|{d.GetProperty("to").GetString()}|{d.GetProperty("outcome").GetString()}").Order(StringComparer.Ordinal).ShouldBe(expected);
        var recalled = decisions.Where(d => d.TryGetProperty("recall", out var r) && r.GetProperty("status").GetString() == "acknowledged").Select(d => d.GetProperty("to").GetString()).Order(StringComparer.Ordinal);
        recalled.ShouldBe(["council", "police"]);
        decisions.Single(d => d.GetProperty("eventId").GetGuid() == first.Envelope.EventId && d.GetProperty("to").GetString() == "jcp").GetProperty("recall").GetProperty("status").GetString().ShouldBe("not-recalled");
        report.RootElement.GetProperty("consents").EnumerateArray().Single().GetProperty("withdrawnAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        report.RootElement.GetRawText().ShouldNotContain(Nino);
    }
}
