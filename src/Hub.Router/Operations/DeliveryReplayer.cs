using System.Text.Json;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Operations.V1;
using Hub.Contracts.Topology;
using Hub.Router.Agreements;
using Hub.Router.Consent;
using Hub.Router.Ledger;
using Hub.Router.Retractions;
using Hub.ServiceDefaults.Messaging;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Hub.Router.Operations;

/// <summary>
/// Sends a dead-lettered delivery again only if <see cref="ReplayCheck"/> allows it now. The body comes from the
/// router's own outbox, never from the request, and the outcome is ledgered before anything is sent. A delivery of an
/// event its source has retracted since is refused too (docs/adr/0020). The delivery keeps its id, so a recipient that
/// did in fact handle it the first time ignores the repeat (docs/adr/0010).
/// </summary>
public sealed class DeliveryReplayer(IAgreementProvider agreements, ILedgerStore ledger, IConsentStore consents, RetractionLookups retractions, HubAddresses addresses, TimeProvider time, ILogger<DeliveryReplayer> logger)
{
    public async Task ReplayAsync(DeliveryReplayRequested request, ISendEndpointProvider endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoints);
        var now = time.GetUtcNow();
        var stored = await ledger.FindDeliveryAsync(request.DeliveryId, cancellationToken);
        if (stored is null)
        {
            await RecordAsync(request, null, null, OperatorActions.ReplayDenied, [$"delivery {request.DeliveryId} is not in the outbox: never decided by this router, or its body was deleted by outbox retention (docs/adr/0031); nothing to replay"], now, cancellationToken);
            OperationsLog.ReplayDenied(logger, request.DeliveryId, request.RequestId, 1);
            return;
        }

        var delivery = JsonSerializer.Deserialize<EventDelivered>(stored.Body, ContractJson.Options)!;
        var decision = ReplayCheck.DecisionOf(await ledger.ReadEventAsync(stored.State.EventId, cancellationToken), request.DeliveryId, delivery.Recipient);
        IReadOnlyList<string>? refusals;
        if (decision is null)
        {
            refusals = [$"no allowed decision in the ledger produced delivery {request.DeliveryId}"];
        }
        else
        {
            var set = (agreements.Current as AgreementDecisionEngine)?.Agreements ?? AgreementSet.Empty;
            var consent = decision.ConsentRef is { } consentRef ? await consents.FindAsync(consentRef, cancellationToken) : null;
            refusals = ReplayCheck.Refusals(delivery, decision, set, consent, now);

            // The event may have been retracted by its source since: then it is shared again with no one (docs/adr/0020).
            var retracted = await retractions.FindAsync(delivery.Source, delivery.EventId, delivery.EventType, cancellationToken);
            if (retracted.Count > 0)
            {
                refusals = [.. refusals ?? [], .. retracted.Select(r => $"{r.Source} has since retracted event {delivery.EventId} ({r.Reason}) in retraction {r.RetractionId}")];
            }
        }

        if (refusals is not null)
        {
            await RecordAsync(request, stored, delivery, OperatorActions.ReplayDenied, refusals, now, cancellationToken);
            OperationsLog.ReplayDenied(logger, request.DeliveryId, request.RequestId, refusals.Count);
            return;
        }

        await RecordAsync(request, stored, delivery, OperatorActions.ReplayAllowed, [$"{delivery.AgreementId}@{delivery.AgreementVersion} flow {delivery.FlowId} still permits it"], now, cancellationToken);
        var endpoint = await endpoints.GetSendEndpoint(addresses.Deliver(delivery.Recipient));
        await endpoint.Send(delivery, send =>
        {
            send.MessageId = delivery.DeliveryId;
            send.MustRoute();
        }, cancellationToken);
        OperationsLog.ReplayAllowed(logger, delivery.DeliveryId, delivery.Recipient.Value, request.RequestId);
    }

    private Task RecordAsync(DeliveryReplayRequested request, StoredDelivery? stored, EventDelivered? delivery, LedgerOutcome outcome, IReadOnlyList<string> reasons, DateTimeOffset now, CancellationToken cancellationToken) =>
        ledger.RecordOperatorAccessAsync(
            OperatorReplayRow.For(request.RequestId, request.RequestedBy, request.FromQueue, stored?.State.Source ?? "unknown", outcome, reasons, now) with
            {
                EventId = stored?.State.EventId,
                EventType = delivery?.EventType,
                Recipient = stored?.State.Recipient,
                AgreementId = delivery?.AgreementId,
                AgreementVersion = delivery?.AgreementVersion,
                FlowId = delivery?.FlowId,
                Purpose = delivery?.Purpose,
                ConsentRef = delivery?.ConsentRef,
                DeliveryId = request.DeliveryId,
            },
            cancellationToken);
}
