using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Topology;
using Hub.Router.Consent;
using Hub.Router.Ingress;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Hub.Router.Recalls;

/// <summary>
/// Records a recipient's acknowledgement of a recall, arriving on that agency's ingress queue. The agency is the
/// queue's, never the message's claim: an acknowledgement for another agency's recall is refused as forged, and from
/// an agency whose keys the router holds, one its key did not sign is refused as <c>signature-invalid</c> (docs/adr/0023).
/// </summary>
public sealed class RecallAcknowledgedConsumer(IRecallStore store, RejectionRecorder rejections, TimeProvider time, ILogger<RecallAcknowledgedConsumer> logger, IngressSignatures signatures)
    : IConsumer<RecallAcknowledged>
{
    private const string MessageType = "recall.acknowledged";

    public async Task Consume(ConsumeContext<RecallAcknowledged> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await AcknowledgeAsync(context);
        }
        catch (IngressRejectedException rejected)
        {
            await RejectionMover.MoveAsync<RecallAcknowledged, RecallAcknowledgedConsumer>(context, rejected);
        }
    }

    private async Task AcknowledgeAsync(ConsumeContext<RecallAcknowledged> context)
    {
        var ack = context.Message;
        if (!HubTopology.TryGetIngressAgency(context.ReceiveContext.InputAddress, out var source))
        {
            await RejectAsync(context, "unknown", new IngressRejection(RejectionCodes.UnknownSource, "message arrived on a queue that is not an agency's ingress queue"));
        }

        if (ack.Recipient != source)
        {
            await RejectAsync(context, source.Value, new IngressRejection(RejectionCodes.ForgedSource, $"acknowledgement claims recipient '{ack.Recipient}' but arrived on the ingress queue of '{source}'"));
        }

        if (signatures.Check(source, context) is { } unsigned)
        {
            await RejectAsync(context, source.Value, unsigned);
        }

        var outcome = await store.AcknowledgeAsync(ack.RecallId, source.Value, ack.AcknowledgedAt, time.GetUtcNow(), ack.Erased?.Count ?? 0, ack.NotHeld?.Count ?? 0, context.CancellationToken);
        switch (outcome)
        {
            case RecallAcknowledgement.UnknownRecall:
                await RejectAsync(context, source.Value, new IngressRejection(ConsentRejectionCodes.RecallUnknown, $"recall {ack.RecallId} was never requested"));
                break;
            case RecallAcknowledgement.WrongRecipient:
                await RejectAsync(context, source.Value, new IngressRejection(RejectionCodes.ForgedSource, $"recall {ack.RecallId} was sent to another agency, not {source}"));
                break;
            default:
                ConsentLog.RecallAcknowledged(logger, ack.RecallId, source.Value, outcome.ToString());
                break;
        }
    }

    private async Task RejectAsync(ConsumeContext context, string source, IngressRejection rejection)
    {
        await rejections.RecordAsync(source, rejection, context.MessageId?.ToString(), context.ReceiveContext.Body.GetBytes(), null, MessageType, context.CancellationToken);
        throw new IngressRejectedException(rejection);
    }
}
