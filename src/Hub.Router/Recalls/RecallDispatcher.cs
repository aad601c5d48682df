using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Topology;
using Hub.Router.Consent;
using Hub.Router.Ingress;
using Hub.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Hub.Router.Recalls;

/// <summary>
/// Opens the recalls a cause calls for and sends every one not yet acknowledged to its recipient's deliver exchange.
/// Runs after a withdrawal or a retraction commits, and after any decision that may need recalling commits, so a
/// delivery decided just before the cause and committed just after it is recalled too. Resending is harmless:
/// recipients key on the recall id. Signed with the router's key when it has one, as deliveries are (docs/adr/0023).
/// </summary>
public sealed class RecallDispatcher(IRecallStore store, HubAddresses addresses, TimeProvider time, ILogger<RecallDispatcher> logger, IEnumerable<DeliverySigner> signers)
{
    private readonly DeliverySigner? _signer = signers.SingleOrDefault();

    public async Task SyncAndSendAsync(RecallCause cause, ISendEndpointProvider endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var recall in await store.SyncRecallsAsync(cause, time.GetUtcNow(), cancellationToken))
        {
            var recipient = new AgencyCode(recall.Recipient);
            var message = new RecallRequested
            {
                RecallId = recall.RecallId,
                Recipient = recipient,
                ConsentRef = recall.ConsentId,
                WithdrawnAt = recall.WithdrawnAt,
                RequestedAt = recall.RequestedAt,
                Deliveries = recall.Deliveries,
                Reason = RecallPlanner.Reason(recall),
                RetractionRef = recall.RetractionId,
            };
            message = _signer?.Sign(message) ?? message;
            var endpoint = await endpoints.GetSendEndpoint(addresses.Deliver(recipient));
            await endpoint.Send(message, send =>
            {
                send.MessageId = recall.RecallId;
                send.MustRoute();
            }, cancellationToken);
            ConsentLog.RecallSent(logger, recall.RecallId, recall.Cause.KindText, recall.Recipient, recall.Deliveries.Count);
        }
    }
}
