using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Hub.Adapters.Core.Sinks.Webhook;

/// <summary>
/// The webhook's Polly pipeline, outermost first: overall timeout, retry (exponential backoff with jitter,
/// honouring Retry-After), circuit breaker, per-attempt timeout. Only transient failures are retried or counted.
/// </summary>
public static class WebhookPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Build(WebhookSinkOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(response => WebhookStatus.IsTransient(response.StatusCode));

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time, options.MaxDelay)),
                OnRetry = args =>
                {
                    SinkLog.WebhookRetry(logger, Operation(args.Context), Id(args.Context), args.AttemptNumber + 1, Cause(args.Outcome), args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                OnOpened = args =>
                {
                    SinkLog.WebhookCircuitOpened(logger, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>Context keys: what is being sent (delivery or recall) and its id, for the retry log line.</summary>
    public static readonly ResiliencePropertyKey<string> OperationKey = new("agencyhub.webhook.operation");

    public static readonly ResiliencePropertyKey<Guid> IdKey = new("agencyhub.webhook.id");

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time, TimeSpan max)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } w ? (w < TimeSpan.Zero ? TimeSpan.Zero : w > max ? max : w) : null;
    }

    private static string Cause(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        TimeoutRejectedException => "attempt timed out",
        HttpRequestException => "network error",
        { } other => other.GetType().Name,
        null => "status " + ((int)(outcome.Result?.StatusCode ?? HttpStatusCode.InternalServerError)).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Operation(ResilienceContext context) => context.Properties.GetValue(OperationKey, "request");

    private static Guid Id(ResilienceContext context) => context.Properties.GetValue(IdKey, Guid.Empty);
}
