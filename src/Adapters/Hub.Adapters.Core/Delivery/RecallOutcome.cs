namespace Hub.Adapters.Core.Delivery;

/// <summary>What a sink did with a recall's deliveries: erased (or restricted), or no longer held.</summary>
public sealed record RecallOutcome(IReadOnlyList<Guid> Erased, IReadOnlyList<Guid> NotHeld);
