using System.Net;
using System.Text.Json;
using Hub.Adapters.Core.Tests.Support;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Testing.Telemetry;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Core.Tests.Sources.Http;

/// <summary>
/// ASP.NET Core's hosting and routing lines name the request's path and query string, which a caller may fill with a
/// person's identifiers: under the ingest listener they log at Warning and above only, whatever the worker's level.
/// </summary>
public sealed class HttpIngestLoggingTests
{
    private const string NhsNumber = "9434765919";

    [Fact]
    public async Task When_a_request_carries_an_identifier_in_its_query_string_should_keep_it_out_of_every_log_line()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = await IngestTestServer.StartAsync(logs: logs);
        var release = TestDeliveries.Release(AgencyCode.Probation);
        using var body = new StringContent(JsonSerializer.Serialize(release, ContractJson.Options), System.Text.Encoding.UTF8, "application/json");

        using var response = await server.Client.PostAsync(new Uri($"/events/custody.release.scheduled?nhsNumber={NhsNumber}", UriKind.Relative), body);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        logs.Entries.ShouldNotContain(e => e.Message.Contains(NhsNumber, StringComparison.Ordinal), string.Join(Environment.NewLine, logs.Entries.Select(e => $"{e.Category}: {e.Message}")));
        logs.Entries.ShouldNotContain(e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && e.Level < LogLevel.Warning);
    }
}
