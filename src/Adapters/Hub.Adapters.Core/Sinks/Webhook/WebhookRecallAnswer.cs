namespace Hub.Adapters.Core.Sinks.Webhook;

/// <summary>What a case system may answer to a recall notice: the ids it erased and those it did not hold.</summary>
public sealed record WebhookRecallAnswer(IReadOnlyList<Guid>? Erased, IReadOnlyList<Guid>? NotHeld);
