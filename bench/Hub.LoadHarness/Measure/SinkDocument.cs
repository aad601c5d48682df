namespace Hub.LoadHarness.Measure;

/// <summary>One delivery a worker's sink wrote: ids and when, never the payload.</summary>
public sealed record SinkDocument(string Recipient, Guid DeliveryId, Guid EventId, DateTimeOffset Written);
