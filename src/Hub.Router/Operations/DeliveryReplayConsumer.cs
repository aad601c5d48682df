using Hub.Contracts.Operations.V1;
using MassTransit;

namespace Hub.Router.Operations;

/// <summary>Takes operator replay requests from <c>hub.operations</c>; all the work is in <see cref="DeliveryReplayer"/>.</summary>
public sealed class DeliveryReplayConsumer(DeliveryReplayer replayer) : IConsumer<DeliveryReplayRequested>
{
    public Task Consume(ConsumeContext<DeliveryReplayRequested> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return replayer.ReplayAsync(context.Message, context, context.CancellationToken);
    }
}
