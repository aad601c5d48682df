using Hub.Contracts.Operations.V1;
using MassTransit;

namespace Hub.Router.Operations;

/// <summary>Takes operators' ingress replay requests from <c>hub.operations</c>; all the work is in <see cref="IngressReplayer"/>.</summary>
public sealed class IngressReplayConsumer(IngressReplayer replayer) : IConsumer<IngressReplayRequested>
{
    public Task Consume(ConsumeContext<IngressReplayRequested> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return replayer.ReplayAsync(context.Message, context.CancellationToken);
    }
}
