namespace Hub.Router.Tests.Support;

/// <summary>A message found in an ingress _error or _skipped queue, with MassTransit's reason and fault headers.</summary>
public sealed record ErrorQueueMessage(string Queue, Guid? MessageId, string? Reason, string? FaultExceptionType, string? FaultMessage);
