using Hub.Adapters.Core.Delivery;
using Hub.Contracts.Delivery.V1;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// A case system that refuses every delivery for good. Its message quotes a payload value, as real sinks' errors do,
/// so the dead-letter tests can check that <c>hub ops</c> never prints a fault message it did not write.
/// </summary>
public sealed class RefusingDeliverySink : IDeliverySink
{
    public Task HandleAsync(EventDelivered delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var quoted = delivery.Payload.TryGetProperty("subject", out var subject) ? subject.GetRawText() : delivery.Payload.GetRawText();
        throw new PermanentDeliveryFailureException($"case system answered 400 for record {quoted}");
    }

    public Task<RecallOutcome> RecallAsync(RecallRequested recall, CancellationToken cancellationToken) =>
        throw new PermanentDeliveryFailureException("case system is refusing everything");
}
