using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Core.Delivery;

/// <summary>Where an adapter puts what the router delivered to its agency (a case system, a folder, a table …).</summary>
public interface IDeliverySink
{
    Task HandleAsync(EventDelivered delivery, CancellationToken cancellationToken);
}
