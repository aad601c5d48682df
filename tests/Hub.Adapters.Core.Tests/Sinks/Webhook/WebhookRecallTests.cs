using Hub.Adapters.Core.Tests.Support;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Core.Tests.Sinks.Webhook;

public sealed class WebhookRecallTests : IAsyncLifetime
{
    private WebhookServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task When_recalling_should_post_a_notice_with_the_recall_id_as_key_and_count_all_erased()
    {
        var sink = WebhookSinks.Create(WebhookSinks.Options(_server));
        var recall = Recall(Guid.NewGuid(), Guid.NewGuid());

        var outcome = await sink.RecallAsync(recall, CancellationToken.None);

        var request = _server.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/recalls");
        request.IdempotencyKey.ShouldBe(recall.RecallId.ToString("D"));
        request.Body.ShouldContain(recall.Deliveries[0].DeliveryId.ToString("D"));
        outcome.Erased.ShouldBe(recall.Deliveries.Select(d => d.DeliveryId));
        outcome.NotHeld.ShouldBeEmpty();
    }

    [Fact]
    public async Task When_the_case_system_answers_which_it_did_not_hold_should_report_them_as_not_held()
    {
        var held = Guid.NewGuid();
        var gone = Guid.NewGuid();
        _server.SuccessBody = $$"""{"erased":["{{held}}"],"notHeld":["{{gone}}"]}""";
        var sink = WebhookSinks.Create(WebhookSinks.Options(_server));

        var outcome = await sink.RecallAsync(Recall(held, gone), CancellationToken.None);

        outcome.Erased.ShouldBe([held]);
        outcome.NotHeld.ShouldBe([gone]);
    }

    private static RecallRequested Recall(params Guid[] deliveryIds) => new()
    {
        RecallId = Guid.NewGuid(),
        Recipient = AgencyCode.Police,
        ConsentRef = "CONSENT-T1",
        WithdrawnAt = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero),
        RequestedAt = new DateTimeOffset(2026, 11, 21, 9, 0, 1, TimeSpan.Zero),
        Deliveries = [.. deliveryIds.Select(id => new RecalledDelivery { DeliveryId = id, EventId = Guid.NewGuid(), EventType = "custody.release.scheduled", Source = AgencyCode.Probation })],
        Reason = "Consent withdrawn.",
    };
}
