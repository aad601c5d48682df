using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Core.Delivery;

/// <summary>Where an adapter puts what the router delivered to its agency (a case system, a folder, a table …).</summary>
public interface IDeliverySink
{
    Task HandleAsync(EventDelivered delivery, CancellationToken cancellationToken);

    /// <summary>
    /// Erases, or restricts and flags, every named delivery the sink still holds, because the consent it was shared
    /// on has been withdrawn. Must be idempotent: a recall can arrive more than once.
    /// </summary>
    Task<RecallOutcome> RecallAsync(RecallRequested recall, CancellationToken cancellationToken);
}
