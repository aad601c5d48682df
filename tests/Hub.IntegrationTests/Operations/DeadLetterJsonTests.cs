using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Operations;

/// <summary>
/// <c>hub ops dlq list|show|replay|purge --format json</c> against the real router, broker and ledger: one document each
/// (agencyhub.ops.dlq.*/1, docs/cli-json.md), the same metadata rules as the text (a payload only with --payload and a
/// reason, ledgered first), and the same exit codes.
/// </summary>
[Collection(ServersGroup.Name)]
public class DeadLetterJsonTests(ServersFixture servers) : IAsyncLifetime
{
    private const string IngressErrors = "hub.ingress.probation_error";
    private const string Operator = "ops-json-it";
    private static readonly string Submit = HubTopology.SubmitExchange(AgencyCode.Probation);

    private OperationsRig _rig = null!;

    public async Task InitializeAsync() => _rig = await OperationsRig.StartAsync(servers);

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task When_forged_events_are_dead_lettered_should_list_show_replay_and_purge_them_as_json_documents()
    {
        var forged = new[] { Events.Release(claimedSource: AgencyCode.Police), Events.Release(claimedSource: AgencyCode.Police) };
        var messageIds = forged.Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < forged.Length; i++)
        {
            await _rig.Probation.PublishAsync(Submit, MassTransitEnvelope.For(forged[i], messageIds[i]), messageId: messageIds[i].ToString());
        }

        // list: both, with the router's reason code, as metadata.
        var list = await Eventually.UntilAsync(() => JsonAsync("dlq", "list", "--queue", IngressErrors, "--format", "json"), r => Depth(r) == 2, "both forged events dead-lettered");
        list.Root.GetProperty("schema").GetString().ShouldBe("agencyhub.ops.dlq.list/1");
        list.Root.GetProperty("listed").GetInt32().ShouldBe(2);
        var queue = list.Root.GetProperty("queues").EnumerateArray().Single();
        queue.GetProperty("queue").GetString().ShouldBe(IngressErrors);
        queue.GetProperty("truncated").GetBoolean().ShouldBeFalse();
        var messages = queue.GetProperty("messages").EnumerateArray().ToList();
        messages.Select(m => m.GetProperty("messageId").GetString()).ShouldBe(messageIds.Select(m => m.ToString()), ignoreOrder: true);
        messages.Select(m => m.GetProperty("eventId").GetGuid()).ShouldBe(forged.Select(f => f.Envelope.EventId), ignoreOrder: true);
        messages.ShouldAllBe(m => m.GetProperty("kind").GetString() == "ingress" && m.GetProperty("agency").GetString() == "probation" && m.GetProperty("reasonCode").GetString() == "forged-source");
        ShouldHoldNoPersonalData(list.Output);

        // show: metadata only, unless --payload with a reason, which the ledger records first.
        var show = await JsonAsync("dlq", "show", messageIds[0].ToString(), "--format", "json");
        show.ExitCode.ShouldBe(0, show.Errors);
        show.Root.GetProperty("schema").GetString().ShouldBe("agencyhub.ops.dlq.show/1");
        show.Root.GetProperty("message").GetProperty("eventId").GetGuid().ShouldBe(forged[0].Envelope.EventId);
        show.Root.GetProperty("payloadShown").GetBoolean().ShouldBeFalse();
        show.Root.TryGetProperty("payload", out _).ShouldBeFalse();
        ShouldHoldNoPersonalData(show.Output);
        (await OperatorRowsAsync()).ShouldBeEmpty("showing metadata is not ledgered");

        var payload = await JsonAsync("dlq", "show", messageIds[0].ToString(), "--payload", "--reason", "INC-11 check the forgery", "--operator", Operator, "--postgres", _rig.Ledger, "--format", "json");
        payload.ExitCode.ShouldBe(0, payload.Errors);
        payload.Root.GetProperty("payloadShown").GetBoolean().ShouldBeTrue();
        payload.Root.GetProperty("payload").GetProperty("envelope").GetRawText().ShouldContain(forged[0].Envelope.EventId.ToString());
        (await OperatorRowsAsync()).ShouldHaveSingleItem().Outcome.ShouldBe("payload-viewed");

        // purge under an age limit keeps both; the document says so.
        var young = await JsonAsync("dlq", "purge", "--queue", IngressErrors, "--older-than", "1d", "--reason", "INC-11", "--confirm", "--operator", Operator, "--postgres", _rig.Ledger, "--format", "json");
        young.ExitCode.ShouldBe(0, young.Errors);
        young.Root.GetProperty("schema").GetString().ShouldBe("agencyhub.ops.dlq.purge/1");
        young.Root.GetProperty("olderThan").GetString().ShouldBe("1d");
        young.Root.GetProperty("purged").GetInt32().ShouldBe(0);
        young.Root.GetProperty("kept").GetInt32().ShouldBe(2);

        // replay --all: both go to the router, which decides them again (and refuses them again as forged).
        var replay = await JsonAsync("dlq", "replay", "--all", "--queue", IngressErrors, "--reason", "INC-11", "--operator", Operator, "--postgres", _rig.Ledger, "--format", "json");
        replay.ExitCode.ShouldBe(0, replay.Errors);
        replay.Root.GetProperty("schema").GetString().ShouldBe("agencyhub.ops.dlq.replay/1");
        replay.Root.GetProperty("replayed").GetInt32().ShouldBe(2);
        replay.Root.GetProperty("leftInPlace").GetInt32().ShouldBe(0);
        var replayed = replay.Root.GetProperty("messages").EnumerateArray().ToList();
        replayed.ShouldAllBe(m => m.GetProperty("replayed").GetBoolean() && m.GetProperty("detail").GetString()!.Contains("(hub.operate)", StringComparison.Ordinal));
        replayed.Select(m => m.GetProperty("message").GetProperty("messageId").GetString()).ShouldBe(messageIds.Select(m => m.ToString()), ignoreOrder: true);
        await Eventually.UntilAsync(OperatorRowsAsync, r => r.Count(x => x.Outcome == "replay-allowed") == 2, "the router's replays in the ledger");

        // purge: each removal ledgered, each purged message in the document.
        await Eventually.UntilAsync(() => JsonAsync("dlq", "list", "--queue", IngressErrors, "--format", "json"), r => Depth(r) == 2, "the replayed forgeries refused again");
        var purge = await JsonAsync("dlq", "purge", "--queue", IngressErrors, "--reason", "INC-11", "--confirm", "--operator", Operator, "--postgres", _rig.Ledger, "--format", "json");
        purge.ExitCode.ShouldBe(0, purge.Errors);
        purge.Root.GetProperty("purged").GetInt32().ShouldBe(2);
        purge.Root.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("eventId").GetGuid()).ShouldBe(forged.Select(f => f.Envelope.EventId), ignoreOrder: true);
        (await OperatorRowsAsync()).Count(r => r.Outcome == "purged").ShouldBe(2);
    }

    private static int Depth(JsonRun run) =>
        run.ExitCode == 0 ? run.Root.GetProperty("queues").EnumerateArray().Sum(q => q.GetProperty("depth").GetInt32()) : -1;

    private static void ShouldHoldNoPersonalData(string output)
    {
        foreach (var value in new[] { Events.Nino, Events.NhsNumber, Events.Pnc, Events.Address })
        {
            output.ShouldNotContain(value, Case.Insensitive);
        }
    }

    private async Task<JsonRun> JsonAsync(params string[] arguments)
    {
        var (exitCode, output, errors) = await OperatorCli.RunAsync(servers.Broker, arguments);
        return new JsonRun(exitCode, output, errors);
    }

    private async Task<IReadOnlyList<LedgerRow>> OperatorRowsAsync() => [.. (await LedgerQueries.RowsAsync(_rig.Ledger)).Where(r => r.Kind == "operator-access")];
}
