using System.Net;
using System.Text.Json;
using Hub.Adapters.Core.Tests.Sources.Support;
using Hub.Adapters.Core.Tests.Support;
using Hub.Contracts;
using Hub.Contracts.Agencies;

namespace Hub.Adapters.Core.Tests.Sources.Http;

/// <summary>
/// Nothing serialises ingest requests: neither the endpoint, the submitter (a scope per publish), MassTransit's send
/// endpoint, nor RabbitMQ.Client, which releases its channel lock before awaiting a publisher confirm. Each request
/// publishes and awaits its own confirm while the others do the same.
/// </summary>
public sealed class HttpIngestConcurrencyTests
{
    [Fact]
    public async Task When_requests_arrive_together_should_have_all_their_publishes_awaiting_confirms_at_once()
    {
        const int Requests = 16;
        await using var server = await IngestTestServer.StartAsync();
        var held = new HeldSends(_ => true);
        server.Harness.Bus.ConnectSendObserver(held);
        var events = Enumerable.Range(0, Requests).Select(_ => TestDeliveries.Release(AgencyCode.Probation)).ToList();

        var responses = events.Select(e => server.Client.PostAsync(
            new Uri("/events/custody.release.scheduled", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(e, e.GetType(), ContractJson.Options), System.Text.Encoding.UTF8, "application/json"))).ToList();
        await held.Until(h => h.Open == Requests);
        responses.ShouldAllBe(r => !r.IsCompleted, "no request is answered before its publish is confirmed");
        held.ReleaseAll();

        foreach (var response in await Task.WhenAll(responses))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            response.Dispose();
        }

        held.Confirmed.ShouldBe([.. events.Select(e => e.Envelope.EventId)], ignoreOrder: true);
    }
}
