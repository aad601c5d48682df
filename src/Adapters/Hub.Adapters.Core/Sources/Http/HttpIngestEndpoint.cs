using System.Text.Json;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Core.Telemetry;
using Hub.ServiceDefaults.Telemetry;
using Hub.Contracts.Catalogue;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.Http;

/// <summary>
/// <c>POST /events/{eventType}</c>: 401 unauthenticated, 404 unknown type, 413 a body over
/// <c>Adapter:Sources:Http:MaxBodyBytes</c> (counted as it is read, chunked or not: <see cref="BoundedBody"/>), 400 not
/// a JSON object, 422 with the problems (fields, never values), 503 when the broker did not confirm in time, 202 only
/// after it did.
/// </summary>
public static class HttpIngestEndpoint
{
    public static IEndpointRouteBuilder MapHttpIngest(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/events/{eventType}", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(string eventType, HttpContext http)
    {
        var logType = "unknown";
        var services = http.RequestServices;
        var submitter = services.GetRequiredService<RecordSubmitter>();
        var options = services.GetRequiredService<IOptions<HttpIngestOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpIngestEndpoint));

        // Under ASP.NET Core's request span, which continues the caller's traceparent when it sends one.
        using var activity = AdapterTracing.StartSourceRead(AdapterTracing.SourceKinds.HttpIngest, submitter.Agency);
        if (!services.GetRequiredService<HttpIngestAuthenticator>().IsAuthenticated(http))
        {
            return Refuse(StatusCodes.Status401Unauthorized, "Authentication required", $"Send a valid {HttpIngestAuthenticator.ApiKeyHeader} header or an allow-listed client certificate.");
        }

        if (!EventCatalogue.TryGet(eventType, out var info))
        {
            return Refuse(StatusCodes.Status404NotFound, "Unknown event type", "The route names no catalogued event type.");
        }

        logType = info.Name;
        activity?.SetTag(HubTraceAttributes.EventType, info.Name);

        var body = await BoundedBody.ReadAsync(http, options.MaxBodyBytes);
        if (body is null)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body exceeds {HttpIngestOptions.SectionName}:MaxBodyBytes.");
        }

        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Body is not JSON", "The body must be one JSON object.");
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Body is not a JSON object", "The body must be one JSON object.");
        }

        var context = new RecordContext(submitter.Agency, SourceEventIds.ForHttpBody(submitter.Agency, info.Name, body), $"HTTP {info.Name}");
        var mapping = submitter.Prepare(services.GetRequiredService<IRecordMapper<HttpIngestRecord>>(), new HttpIngestRecord(info.Name, json), context);
        var problems = mapping.Event is { } mapped && mapped.GetType() != info.ClrType ? ["the body maps to another event type than the route names"] : mapping.Problems;
        if (problems.Count > 0)
        {
            SourcesLog.HttpRefused(logger, submitter.Agency.Value, info.Name, StatusCodes.Status422UnprocessableEntity);
            AdapterTracing.SourceRead(activity, RecordOutcome.Rejected(problems));
            return Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The event is not valid",
                detail: "Each reason names a field; no values are quoted.",
                extensions: new Dictionary<string, object?> { ["reasons"] = problems });
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(options.PublishTimeout);
        try
        {
            // A mapper may answer a route with another catalogued event (an NHS retraction): report what was published.
            var published = EventCatalogue.TryGet(mapping.Event!.GetType(), out var publishedType) ? publishedType.Name : info.Name;
            var outcome = await submitter.PublishPreparedAsync(mapping.Event!, published, timeout.Token);
            AdapterTracing.SourceRead(activity, outcome);
            return Results.Accepted(value: new { eventId = outcome.EventId, eventType = published });
        }
        catch (Exception ex) when (ex is SourcePublishException || (ex is OperationCanceledException && !http.RequestAborted.IsCancellationRequested))
        {
            SourcesLog.HttpRefused(logger, submitter.Agency.Value, info.Name, StatusCodes.Status503ServiceUnavailable);
            AdapterTracing.Failed(activity, ex);
            return Refuse(StatusCodes.Status503ServiceUnavailable, "Broker unavailable", "The hub's broker did not confirm the event; retry the same request later (it is idempotent).");
        }

        IResult Refuse(int status, string title, string detail)
        {
            if (status != StatusCodes.Status422UnprocessableEntity)
            {
                SourcesLog.HttpRefused(logger, submitter.Agency.Value, logType, status);
                activity?.SetTag(HubTraceAttributes.Outcome, "refused");
            }

            return Results.Problem(statusCode: status, title: title, detail: detail);
        }
    }
}
