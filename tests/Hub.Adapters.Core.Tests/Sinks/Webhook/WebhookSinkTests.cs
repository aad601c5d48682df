using System.Net;
using System.Text.Json;
using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Tests.Support;
using Hub.Contracts.Agencies;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Hub.Adapters.Core.Tests.Sinks.Webhook;

public sealed class WebhookSinkTests : IAsyncLifetime
{
    private WebhookServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task When_the_case_system_answers_503_then_200_should_retry_with_the_same_idempotency_key()
    {
        _server.Answer(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable);
        var sink = WebhookSinks.Create(WebhookSinks.Options(_server));
        var delivery = TestDeliveries.For(AgencyCode.Police);

        await sink.HandleAsync(delivery, CancellationToken.None);

        _server.Requests.Count.ShouldBe(3);
        _server.Requests.ShouldAllBe(r => r.IdempotencyKey == delivery.DeliveryId.ToString("D") && r.Method == "POST" && r.Path == "/deliveries");
        _server.Requests.Select(r => r.Body).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task When_posting_a_delivery_should_send_the_document_with_grounds_and_obligations()
    {
        var sink = WebhookSinks.Create(WebhookSinks.Options(_server));
        var delivery = TestDeliveries.For(AgencyCode.Police);

        await sink.HandleAsync(delivery, CancellationToken.None);

        using var document = JsonDocument.Parse(_server.Requests.ShouldHaveSingleItem().Body);
        var root = document.RootElement;
        root.GetProperty("deliveryId").GetGuid().ShouldBe(delivery.DeliveryId);
        root.GetProperty("eventType").GetString().ShouldBe("custody.release.scheduled");
        root.GetProperty("agreement").GetString().ShouldBe("DSA-T01@1");
        root.GetProperty("flow").GetString().ShouldBe("F1");
        root.GetProperty("purpose").GetString().ShouldBe("offender-management");
        root.GetProperty("lawfulBasis").GetString().ShouldBe("UK GDPR Art 6(1)(e)");
        root.GetProperty("withheldFields")[0].GetString().ShouldBe("subject.nhsNumber");
        root.GetProperty("obligations").GetProperty("retentionDays").GetInt32().ShouldBe(30);
        root.GetProperty("obligations").GetProperty("retainUntil").GetDateTimeOffset().ShouldBe(delivery.DecidedAt.AddDays(30));
        root.GetProperty("obligations").GetProperty("onwardSharingForbidden").GetBoolean().ShouldBeTrue();
        root.GetProperty("payload").GetProperty("releaseDate").GetString().ShouldBe("2026-12-04");
    }

    [Fact]
    public async Task When_a_bearer_token_is_configured_should_send_it()
    {
        var options = WebhookSinks.Options(_server);
        options.BearerToken = "test-token-not-a-secret";
        var sink = WebhookSinks.Create(options);

        await sink.HandleAsync(TestDeliveries.For(AgencyCode.Police), CancellationToken.None);

        _server.Requests.ShouldHaveSingleItem().Authorization.ShouldBe("Bearer test-token-not-a-secret");
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    public async Task When_the_case_system_answers_a_4xx_should_fail_permanently_after_one_attempt_naming_the_status_only(HttpStatusCode status)
    {
        _server.Answer(status);
        var sink = WebhookSinks.Create(WebhookSinks.Options(_server));
        var delivery = TestDeliveries.For(AgencyCode.Police);

        var failure = await Should.ThrowAsync<PermanentDeliveryFailureException>(() => sink.HandleAsync(delivery, CancellationToken.None));

        _server.Requests.Count.ShouldBe(1);
        failure.Message.ShouldContain(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        failure.Message.ShouldNotContain("body text");
        failure.Message.ShouldNotContain("2019/0412345P");
    }

    [Fact]
    public async Task When_every_attempt_answers_5xx_should_fail_transiently_after_the_retries()
    {
        _server.Answer(Enumerable.Repeat(HttpStatusCode.BadGateway, 4).ToArray());
        var sink = WebhookSinks.Create(WebhookSinks.Options(_server));

        var failure = await Should.ThrowAsync<HttpRequestException>(() => sink.HandleAsync(TestDeliveries.For(AgencyCode.Police), CancellationToken.None));

        failure.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        _server.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task When_failures_reach_the_threshold_should_open_the_circuit_and_stop_calling()
    {
        _server.Answer(Enumerable.Repeat(HttpStatusCode.ServiceUnavailable, 10).ToArray());
        var options = WebhookSinks.Options(_server);
        options.MaxRetryAttempts = 0;
        options.CircuitMinimumThroughput = 3;
        options.CircuitFailureRatio = 1.0;
        options.CircuitBreakDuration = TimeSpan.FromMinutes(5);
        var sink = WebhookSinks.Create(options);
        for (var i = 0; i < 3; i++)
        {
            await Should.ThrowAsync<HttpRequestException>(() => sink.HandleAsync(TestDeliveries.For(AgencyCode.Police), CancellationToken.None));
        }

        await Should.ThrowAsync<BrokenCircuitException>(() => sink.HandleAsync(TestDeliveries.For(AgencyCode.Police), CancellationToken.None));

        _server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task When_the_case_system_never_answers_should_time_out_each_attempt_and_retry()
    {
        _server.Hang(2);
        var options = WebhookSinks.Options(_server);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        var sink = WebhookSinks.Create(options);

        await sink.HandleAsync(TestDeliveries.For(AgencyCode.Police), CancellationToken.None);

        _server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task When_the_overall_timeout_passes_should_give_up_with_a_timeout()
    {
        _server.Hang(10);
        var options = WebhookSinks.Options(_server);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        options.TotalTimeout = TimeSpan.FromMilliseconds(300);

        await Should.ThrowAsync<TimeoutRejectedException>(() => WebhookSinks.Create(options).HandleAsync(TestDeliveries.For(AgencyCode.Police), CancellationToken.None));
    }

    [Fact]
    public async Task When_the_case_system_answers_429_with_retry_after_should_wait_that_long_before_retrying()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        _server.AnswerWithRetryAfter(HttpStatusCode.TooManyRequests, 20);
        var options = WebhookSinks.Options(_server);
        options.MaxDelay = TimeSpan.FromMinutes(1);
        var sink = WebhookSinks.Create(options, time);

        var handling = sink.HandleAsync(TestDeliveries.For(AgencyCode.Police), CancellationToken.None);
        await Eventually.UntilAsync(() => _server.Requests.Count, n => n == 1, "the first attempt");

        // Second by second: the sink schedules its wait only once it has read the 429, which a busy machine can delay
        // past a single large advance (and then the wait would never fire). Steps taken before it is scheduled only
        // add to the count, so the count is a lower bound that tells Retry-After (20 s) from the base delay (1 s).
        var advanced = 0;
        while (_server.Requests.Count < 2 && advanced < 120)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            advanced++;
            await Task.Delay(25);
        }

        await handling;
        _server.Requests.Count.ShouldBe(2);
        advanced.ShouldBeGreaterThanOrEqualTo(20, "the retry waited for the Retry-After of 20 seconds");
    }
}
