using System.Net;
using System.Text.Json;
using Hub.Adapters.Core.Tests.Support;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;

namespace Hub.Adapters.Core.Tests.Sources.Http;

/// <summary>
/// The ingest endpoint's body limit on real Kestrel: enforced on the bytes actually read, so a chunked body (which
/// declares no length) is refused as soon as it passes the limit, not after the server has read it all.
/// </summary>
public sealed class HttpIngestBodyLimitTests
{
    private const long Limit = 64 * 1024;
    private const string Route = "/events/custody.release.scheduled";
    private const int PayloadTooLarge = 413;

    [Fact]
    public async Task When_a_chunked_body_is_larger_than_the_limit_should_answer_413_without_reading_it_all()
    {
        await using var server = await IngestTestServer.StartKestrelAsync(Limit);
        const long Offered = 256L * 1024 * 1024;

        var (status, sent) = await ChunkedUpload.PostAsync(server.Url, Route, Offered);

        status.ShouldBe(PayloadTooLarge);
        sent.ShouldBeLessThan(Offered / 4, "the server refused at the limit and stopped reading; socket buffers let only a few MiB more leave the client");
        server.Harness.Sent.Select(_ => true, new CancellationToken(canceled: true)).ShouldBeEmpty();
    }

    [Fact]
    public async Task When_a_chunked_body_is_within_the_limit_should_accept_it()
    {
        await using var server = await IngestTestServer.StartKestrelAsync(Limit);
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = Body(TestDeliveries.Release(AgencyCode.Probation)) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await server.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        server.Harness.Sent.Select<ReleaseScheduled>(new CancellationToken(canceled: true)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task When_the_declared_length_is_larger_than_the_limit_should_answer_413_and_send_nothing()
    {
        await using var server = await IngestTestServer.StartKestrelAsync(Limit);
        var release = TestDeliveries.Release(AgencyCode.Probation) with { AddressOnRelease = new string('x', (int)Limit) };

        using var response = await server.Client.PostAsync(new Uri(Route, UriKind.Relative), Body(release));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        server.Harness.Sent.Select(_ => true, new CancellationToken(canceled: true)).ShouldBeEmpty();
    }

    private static StringContent Body(ReleaseScheduled release) =>
        new(JsonSerializer.Serialize(release, ContractJson.Options), System.Text.Encoding.UTF8, "application/json");
}
