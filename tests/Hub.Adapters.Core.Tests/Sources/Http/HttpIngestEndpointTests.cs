using System.Net;
using System.Text.Json;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Tests.Support;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;

namespace Hub.Adapters.Core.Tests.Sources.Http;

public sealed class HttpIngestEndpointTests
{
    private static StringContent Body(object @event) =>
        new(JsonSerializer.Serialize(@event, @event.GetType(), ContractJson.Options), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task When_the_event_is_valid_should_answer_202_with_its_id_after_sending_it_to_the_agencys_ingress()
    {
        await using var server = await IngestTestServer.StartAsync();
        var release = TestDeliveries.Release(AgencyCode.Probation);

        using var response = await server.Client.PostAsync(new Uri("/events/custody.release.scheduled", UriKind.Relative), Body(release));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.Content.ReadAsStringAsync()).ShouldContain(release.Envelope.EventId.ToString());
        var sent = server.Harness.Sent.Select<ReleaseScheduled>(new CancellationToken(canceled: true)).ShouldHaveSingleItem();
        sent.Context.MessageId.ShouldBe(release.Envelope.EventId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789abcdef0123456789abcdef")]
    public async Task When_the_api_key_is_missing_or_wrong_should_answer_401_and_send_nothing(string? key)
    {
        await using var server = await IngestTestServer.StartAsync();
        server.Client.DefaultRequestHeaders.Remove(HttpIngestAuthenticator.ApiKeyHeader);
        if (key is not null)
        {
            server.Client.DefaultRequestHeaders.Add(HttpIngestAuthenticator.ApiKeyHeader, key);
        }

        using var response = await server.Client.PostAsync(new Uri("/events/custody.release.scheduled", UriKind.Relative), Body(TestDeliveries.Release(AgencyCode.Probation)));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(IngestTestServer.Key);
        server.Harness.Sent.Select(_ => true, new CancellationToken(canceled: true)).ShouldBeEmpty();
    }

    [Fact]
    public async Task When_the_event_type_is_unknown_should_answer_404()
    {
        await using var server = await IngestTestServer.StartAsync();

        using var response = await server.Client.PostAsync(new Uri("/events/no.such.event", UriKind.Relative), Body(TestDeliveries.Release(AgencyCode.Probation)));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task When_the_body_is_not_json_should_answer_400()
    {
        await using var server = await IngestTestServer.StartAsync();

        using var response = await server.Client.PostAsync(new Uri("/events/custody.release.scheduled", UriKind.Relative), new StringContent("not json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task When_the_event_is_invalid_should_answer_422_with_reasons_naming_fields_never_values()
    {
        await using var server = await IngestTestServer.StartAsync();
        var release = TestDeliveries.Release(AgencyCode.Probation);
        var badPnc = "1999/9999999Z";
        var invalid = release with { Envelope = release.Envelope with { Subject = release.Envelope.Subject! with { PncId = badPnc } } };

        using var response = await server.Client.PostAsync(new Uri("/events/custody.release.scheduled", UriKind.Relative), Body(invalid));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("subject.pncId");
        text.ShouldNotContain(badPnc);
        server.Harness.Sent.Select(_ => true, new CancellationToken(canceled: true)).ShouldBeEmpty();
    }

    [Fact]
    public async Task When_the_event_names_another_agency_should_answer_422()
    {
        await using var server = await IngestTestServer.StartAsync();

        using var response = await server.Client.PostAsync(new Uri("/events/custody.release.scheduled", UriKind.Relative), Body(TestDeliveries.Release(AgencyCode.Police)));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("envelope.source");
    }

    [Fact]
    public async Task When_the_broker_is_unavailable_should_answer_503()
    {
        await using var server = await IngestTestServer.StartAsync(brokerDown: true);

        using var response = await server.Client.PostAsync(new Uri("/events/custody.release.scheduled", UriKind.Relative), Body(TestDeliveries.Release(AgencyCode.Probation)));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }
}
