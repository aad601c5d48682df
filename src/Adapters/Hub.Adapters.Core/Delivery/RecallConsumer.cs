using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Signing;
using Hub.Contracts.Topology;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Core.Delivery;

/// <summary>
/// Receives a recall on the agency's delivery queue, has the sink erase or restrict the named deliveries, and
/// acknowledges through the agency's own submit exchange, the only one its broker user may write (docs/adr/0007).
/// With the router's keys it refuses a recall the router did not sign before the sink erases anything; with its
/// agency's signing key it signs the acknowledgement, as it signs events (docs/adr/0023).
/// </summary>
public sealed class RecallConsumer(
    IDeliverySink sink, HubAddresses addresses, TimeProvider time, ILogger<RecallConsumer> logger, IEnumerable<DeliverySignatures> signatures, IEnumerable<MessageSigner> signers)
    : IConsumer<RecallRequested>
{
    private readonly DeliverySignatures? _signatures = signatures.SingleOrDefault();
    private readonly MessageSigner? _signer = signers.SingleOrDefault();

    public async Task Consume(ConsumeContext<RecallRequested> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var recall = context.Message;
        var queue = context.ReceiveContext.InputAddress.AbsolutePath.TrimEnd('/');
        if (!queue.EndsWith("/hub.delivery." + recall.Recipient.Value, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Recall {recall.RecallId} is addressed to {recall.Recipient} but arrived on another agency's queue.");
        }

        if (_signatures?.Check(recall) is { } check && check != SignatureCheck.Valid)
        {
            // Nothing is erased on a recall the router did not make.
            throw new PermanentDeliveryFailureException($"Recall {recall.RecallId} is refused: the router's signature is {DeliverySignatures.Describe(check)}.");
        }

        var outcome = await sink.RecallAsync(recall, context.CancellationToken);
        var acknowledgement = new RecallAcknowledged
        {
            RecallId = recall.RecallId,
            Recipient = recall.Recipient,
            AcknowledgedAt = time.GetUtcNow(),
            Erased = outcome.Erased,
            NotHeld = outcome.NotHeld,
        };
        var endpoint = await context.GetSendEndpoint(addresses.Submit(recall.Recipient));
        var signature = _signer?.Sign(acknowledgement, typeof(RecallAcknowledged));
        await endpoint.Send(acknowledgement, send =>
        {
            send.MessageId = DeliveryIds.NameBased($"recall-ack|{recall.RecallId:N}");
            if (signature is not null)
            {
                send.Headers.Set(EventSignature.KeyIdHeader, _signer!.KeyId);
                send.Headers.Set(EventSignature.SignatureHeader, signature);
            }
        }, context.CancellationToken);
        AdapterLog.RecallHandled(logger, recall.RecallId, recall.Recipient.Value, outcome.Erased.Count, outcome.NotHeld.Count);
    }
}
