namespace Hub.Adapters.Core.Tests.Sinks.Webhook;

/// <summary>One request the webhook server received.</summary>
public sealed record RecordedRequest(string Path, string Method, string? IdempotencyKey, string? Authorization, string Body);
