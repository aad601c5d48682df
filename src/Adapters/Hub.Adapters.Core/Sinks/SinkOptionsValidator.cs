using Hub.Adapters.Core.Sinks.Postgres;
using Hub.Adapters.Core.Sinks.Webhook;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sinks;

/// <summary>Checks <c>Adapter:Sink</c> at start and names each wrong setting; secrets are never echoed.</summary>
public sealed class SinkOptionsValidator : IValidateOptions<SinkOptions>
{
    public ValidateOptionsResult Validate(string? name, SinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        switch (options.Kind)
        {
            case SinkKind.None:
                break;
            case SinkKind.Webhook:
                ValidateWebhook(options.Webhook, failures);
                break;
            case SinkKind.DropFolder when string.IsNullOrWhiteSpace(options.DropFolder.Path):
                failures.Add("Adapter:Sink:DropFolder:Path is required when Kind is DropFolder.");
                break;
            case SinkKind.DropFolder:
                break;
            case SinkKind.Postgres:
                if (string.IsNullOrWhiteSpace(options.Postgres.ConnectionString))
                {
                    failures.Add("Adapter:Sink:Postgres:ConnectionString is required when Kind is Postgres.");
                }

                if (!SqlIdentifier.IsValid(options.Postgres.Table))
                {
                    failures.Add($"Adapter:Sink:Postgres:Table must be a lower-case SQL name ([schema.]table): {SqlIdentifier.Describe(options.Postgres.Table)}.");
                }

                break;
            default:
                failures.Add("Adapter:Sink:Kind must be None, Webhook, DropFolder or Postgres.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateWebhook(WebhookSinkOptions webhook, List<string> failures)
    {
        ValidateUrl("Url", webhook.Url, failures);
        ValidateUrl("RecallUrl", webhook.RecallUrl, failures);
        if (webhook.MaxRetryAttempts is < 0 or > 20)
        {
            failures.Add("Adapter:Sink:Webhook:MaxRetryAttempts must be between 0 and 20.");
        }

        if (webhook.BaseDelay <= TimeSpan.Zero || webhook.MaxDelay < webhook.BaseDelay)
        {
            failures.Add("Adapter:Sink:Webhook:BaseDelay must be positive and no longer than MaxDelay.");
        }

        if (webhook.AttemptTimeout < TimeSpan.FromMilliseconds(10) || webhook.TotalTimeout < webhook.AttemptTimeout)
        {
            failures.Add("Adapter:Sink:Webhook:AttemptTimeout must be at least 10 ms and no longer than TotalTimeout.");
        }

        if (webhook.CircuitFailureRatio is <= 0 or > 1 || webhook.CircuitMinimumThroughput < 2
            || webhook.CircuitSamplingDuration < TimeSpan.FromMilliseconds(500) || webhook.CircuitBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            failures.Add("Adapter:Sink:Webhook:Circuit* need a failure ratio in (0, 1], a minimum throughput of at least 2, and sampling and break durations of at least 0.5 s.");
        }

        if (!string.IsNullOrWhiteSpace(webhook.ClientCertificatePath) && !File.Exists(webhook.ClientCertificatePath))
        {
            failures.Add($"Adapter:Sink:Webhook:ClientCertificatePath names a file that does not exist: '{webhook.ClientCertificatePath}'.");
        }

        if (!string.IsNullOrWhiteSpace(webhook.ClientKeyPath) && !File.Exists(webhook.ClientKeyPath))
        {
            failures.Add($"Adapter:Sink:Webhook:ClientKeyPath names a file that does not exist: '{webhook.ClientKeyPath}'.");
        }
    }

    /// <summary>https, or http to a loopback address (a local relay or a test): tokens and data never cross a network in clear.</summary>
    private static void ValidateUrl(string setting, string? value, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"Adapter:Sink:Webhook:{setting} must be an absolute http(s) URL when Kind is Webhook.");
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            failures.Add($"Adapter:Sink:Webhook:{setting} must use https (plain http is allowed to loopback only).");
        }
    }
}
