using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Hub.Adapters.Core.Delivery;
using Hub.Contracts;
using Hub.Contracts.Delivery.V1;
using Microsoft.Extensions.Logging;
using Polly;

namespace Hub.Adapters.Core.Sinks.Webhook;

/// <summary>
/// POSTs each delivery to the agency's case system with <c>Idempotency-Key: &lt;delivery id&gt;</c>, and each recall
/// notice to the recall URL with the recall id as key, so the receiver can drop repeats. Transient failures are
/// retried by <see cref="WebhookPipeline"/>; any other non-success answer is permanent and sends the delivery to
/// the error queue with the status code (never the body) as the reason.
/// </summary>
public sealed class WebhookSink(HttpClient http, WebhookSinkOptions options, TimeProvider time, ILogger<WebhookSink> logger, DeliveryDocumentFactory? documents = null) : IDeliverySink
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly DeliveryDocumentFactory _documents = documents ?? new();

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = WebhookPipeline.Build(options, time, logger);

    public async Task HandleAsync(EventDelivered delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var body = JsonSerializer.SerializeToUtf8Bytes(_documents.Create(delivery), ContractJson.Options);
        using var response = await PostAsync(new Uri(options.Url!), "delivery", delivery.DeliveryId, body, cancellationToken);
    }

    /// <summary>
    /// A recall is a POST of a notice, not a DELETE per delivery: one request names every delivery and carries the
    /// consent reference and reason, and a DELETE body has no defined meaning (RFC 9110 §9.3.5). A 2xx answer may
    /// list <c>erased</c> and <c>notHeld</c> ids; otherwise every named delivery counts as erased.
    /// </summary>
    public async Task<RecallOutcome> RecallAsync(RecallRequested recall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recall);
        var body = JsonSerializer.SerializeToUtf8Bytes(RecallNotice.From(recall), ContractJson.Options);
        using var response = await PostAsync(new Uri(options.RecallUrl!), "recall", recall.RecallId, body, cancellationToken);
        var named = recall.Deliveries.Select(d => d.DeliveryId).ToList();
        var answer = await ReadAnswerAsync(response, cancellationToken);
        if (answer is null)
        {
            return new RecallOutcome(named, []);
        }

        var notHeld = named.Where(id => answer.NotHeld?.Contains(id) == true).ToList();
        return new RecallOutcome([.. named.Except(notHeld)], notHeld);
    }

    private async Task<HttpResponseMessage> PostAsync(Uri url, string operation, Guid id, byte[] body, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(WebhookPipeline.OperationKey, operation);
        context.Properties.Set(WebhookPipeline.IdKey, id);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async (ctx, state) =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, state.Url) { Content = new ByteArrayContent(state.Body) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    request.Headers.Add(IdempotencyKeyHeader, state.Id.ToString("D", CultureInfo.InvariantCulture));
                    if (!string.IsNullOrEmpty(options.BearerToken))
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.BearerToken);
                    }

                    return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ctx.CancellationToken);
                },
                context,
                (Url: url, Body: body, Id: id));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        var status = (int)response.StatusCode;
        response.Dispose();
        if (WebhookStatus.IsTransient(response.StatusCode))
        {
            throw new HttpRequestException($"The webhook answered {operation} {id} with status {status} on every attempt.", null, response.StatusCode);
        }

        SinkLog.WebhookRefused(logger, operation, id, status);
        throw new PermanentDeliveryFailureException($"The webhook refused {operation} {id} with status {status} ({response.StatusCode}); not retried.");
    }

    private static async Task<WebhookRecallAnswer?> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is not "application/json")
        {
            return null;
        }

        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync<WebhookRecallAnswer>(stream, ContractJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
