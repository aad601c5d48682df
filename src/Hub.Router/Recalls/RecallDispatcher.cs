using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Health.V1;
using Hub.Contracts.Topology;
using Hub.Router.Consent;
using Hub.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Hub.Router.Recalls;

/// <summary>
/// Opens the recalls a withdrawal calls for and sends every one not yet acknowledged to its recipient's deliver
/// exchange. Runs after the withdrawal commits and after any consent-based decision commits, so a delivery decided
/// just before a withdrawal and committed just after it is recalled too. Resending is harmless: recipients key on the recall id.
/// </summary>
public sealed class RecallDispatcher(IConsentStore store, HubAddresses addresses, TimeProvider time, ILogger<RecallDispatcher> logger)
{
    public async Task SyncAndSendAsync(string consentId, ISendEndpointProvider endpoints, CancellationToken cancellationToken)
    {
        var outstanding = await store.SyncRecallsAsync(consentId, time.GetUtcNow(), cancellationToken);
        await SendAsync(outstanding, RecallPlanner.Reason(consentId), endpoints, cancellationToken);
    }

    /// <summary>
    /// Opens the recalls a source's retraction calls for (docs/adr/0020) and sends every one not yet acknowledged.
    /// Runs after the retraction's own decision rows commit; a redelivered retraction resends what is outstanding.
    /// </summary>
    public async Task SyncAndSendAsync(RecordRetracted retraction, AgencyCode source, ISendEndpointProvider endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retraction);
        var outstanding = await store.SyncRetractionRecallsAsync(retraction, source, time.GetUtcNow(), cancellationToken);
        await SendAsync(outstanding, RetractionPlanner.Reason(retraction.Reason), endpoints, cancellationToken);
    }

    private async Task SendAsync(IReadOnlyList<RecallNotice> outstanding, string reason, ISendEndpointProvider endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var recall in outstanding)
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
                Reason = reason,
                RetractionRef = recall.RetractionId,
            };
            var endpoint = await endpoints.GetSendEndpoint(addresses.Deliver(recipient));
            await endpoint.Send(message, send =>
            {
                send.MessageId = recall.RecallId;
                send.MustRoute();
            }, cancellationToken);
            if (recall.RetractionId is { } retractionId)
            {
                ConsentLog.RetractionRecallSent(logger, recall.RecallId, retractionId, recall.Recipient, recall.Deliveries.Count);
            }
            else
            {
                ConsentLog.RecallSent(logger, recall.RecallId, recall.ConsentId, recall.Recipient, recall.Deliveries.Count);
            }
        }
    }
}
