using System.Diagnostics;
using System.Text.Json;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Topology;
using Hub.Router.Agreements;
using Hub.Router.Configuration;
using Hub.Router.Consent;
using Hub.Router.Consent.Holding;
using Hub.Router.Ledger;
using Hub.Router.Metrics;
using Hub.Router.Provenance;
using Hub.Router.Recalls;
using Hub.Router.Retractions;
using Hub.Router.Telemetry;
using Hub.ServiceDefaults.Messaging;
using Hub.Sharing.Consent;
using Hub.Sharing.Decisions;
using Hub.Sharing.Disclosure;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Router.Ingress;

/// <summary>
/// The router's hot path for one ingress event: establish the source from the queue, validate, decide per
/// candidate recipient, commit ledger rows and outbox together (in a group with the other events being decided, by
/// <see cref="LedgerGroupWriter"/>), then send every permitted delivery, awaiting their confirms together. The ingress
/// message is acknowledged when this returns: after its rows are committed and its deliveries confirmed.
/// A redelivered event finds its rows already committed and only sends what is still unsent.
/// </summary>
public sealed class IngressProcessor(
    IAgreementProvider agreements,
    LedgerGroupWriter ledger,
    SubjectPseudonymiser pseudonymiser,
    RejectionRecorder rejections,
    ConsentViews consentViews,
    ProvenanceLookups provenance,
    DecisionBatchBuilder batches,
    ConsentIngress consentEvents,
    ConsentHold consentHold,
    RecallDispatcher recalls,
    IngressSignatures signatures,
    RetractionIngress retractions,
    HubAddresses addresses,
    IOptions<RouterOptions> options,
    TimeProvider time,
    RouterMetrics metrics,
    ILogger<IngressProcessor> logger)
{
    private readonly AgencyCode[] _agencies = [.. options.Value.Agencies.Select(a => new AgencyCode(a))];

    public async Task ProcessAsync<TEvent>(ConsumeContext<TEvent> context)
        where TEvent : class, IShareableEvent
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = time.GetTimestamp();
        var eventType = EventCatalogue.For<TEvent>().Name;
        var cancellationToken = context.CancellationToken;

        if (!HubTopology.TryGetIngressAgency(context.ReceiveContext.InputAddress, out var source) || !_agencies.Contains(source))
        {
            await RejectAsync(context, "unknown", new IngressRejection(RejectionCodes.UnknownSource, "message arrived on a queue that is not a configured agency's ingress queue"), null, eventType);
        }

        using var activity = RouterTracing.StartRoute(source.Value, eventType);
        if (context.SentTime is { } sent)
        {
            metrics.Received(source.Value, time.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)));
        }

        // An oversized body never gets here: the deserializer refused it by its length (SanitizingDeserializer).
        var envelope = context.Message.Envelope;
        if (envelope is null)
        {
            await RejectAsync(context, source.Value, new IngressRejection(RejectionCodes.Malformed, "event has no envelope"), null, eventType);
        }

        var problems = envelope!.Validate();
        if (problems.Count > 0)
        {
            await RejectAsync(context, source.Value, new IngressRejection(RejectionCodes.Malformed, string.Join("; ", problems)), envelope.EventId, eventType);
        }

        if (envelope.Source != source)
        {
            await RejectAsync(context, source.Value, new IngressRejection(RejectionCodes.ForgedSource, $"event claims source '{envelope.Source}' but arrived on the ingress queue of '{source}'"), envelope.EventId, eventType);
        }

        if (signatures.Check(source, context) is { } unsigned)
        {
            await RejectAsync(context, source.Value, unsigned, envelope.EventId, eventType);
        }

        if (envelope.Classification == DataClassification.AggregateNonPersonal || EventCatalogue.For<TEvent>().Classification == DataClassification.AggregateNonPersonal)
        {
            var findings = AggregateDisclosure.Scan(JsonSerializer.SerializeToElement(context.Message, ContractJson.Options));
            if (findings.Count > 0)
            {
                await RejectAsync(context, source.Value, new IngressRejection(RejectionCodes.PersonalDataInAggregate, AggregateDisclosure.Describe(findings)), envelope.EventId, eventType);
            }
        }

        // Consent events update the registry first, then are decided like any event (docs/adr/0007).
        await consentEvents.RegisterAsync(context, context.Message, source);

        // An event its source has already retracted is shared with no one, whatever order the bus delivered them in (docs/adr/0020).
        var retracted = await retractions.RetractedAsync(source, envelope, eventType, cancellationToken);

        var engine = agreements.Current;
        var pseudonyms = pseudonymiser.Pseudonymise(envelope.Subject, source);
        IConsentView consents = await consentViews.ForEventAsync(envelope, pseudonyms, cancellationToken);

        // A consent not recorded yet may be recorded a little later by another agency: when some permit for this event may
        // need it, hold the event for a while (docs/adr/0018); otherwise no decision depends on it.
        HoldCheck? hold = null;
        if (retracted is null && consents is RegistryConsentView { IsRecorded: false } && engine.MayNeedConsent(source, eventType))
        {
            hold = await consentHold.CheckAsync(context, source, eventType, envelope.Consent.ConsentRef!);
            switch (hold.Outcome)
            {
                case HoldOutcome.Held:
                    RouterTracing.Held(activity, envelope.EventId);
                    return;
                case HoldOutcome.EventIdReused:
                    await RejectAsync(context, source.Value, new IngressRejection(RejectionCodes.EventIdReused, "event id was already used by this agency for different content"), envelope.EventId, eventType);
                    break;
                case HoldOutcome.WindowEnded:
                    consents = hold.View!;
                    break;
            }
        }

        var now = time.GetUtcNow();
        var request = ShareRequests.Build(source, context.Message, _agencies, now, ConsentSnapshot.Empty);
        var inherited = provenance.InheritedAsync(source.Value, pseudonyms, request.Event, cancellationToken);
        request = request with { Consents = consents, Inherited = await inherited };
        var json = request.Event;
        var decisions = retracted is null ? engine.Decide(request) : RetractedDecisions.Deny(engine.Decide(request), retracted);

        var (batch, messages) = batches.Build(context.MessageId, source, eventType, envelope, pseudonyms, request, decisions, engine.AgreementSetHash, now, signatures.DigestOf(source, context));
        RouterTracing.Decided(engine.AgreementSetHash, batch.Entries);
        RecordResult result;
        using (var ledgerWrite = RouterTracing.StartLedgerWrite(batch))
        {
            result = await ledger.RecordAsync(batch, cancellationToken);
            RouterTracing.LedgerWritten(ledgerWrite, result);
        }

        if (result.Conflict)
        {
            await RejectAsync(context, source.Value, new IngressRejection(RejectionCodes.EventIdReused, "event id was already used by this agency for different content"), envelope.EventId, eventType);
        }

        // A delivery committed before its source retracted the event, and not sent yet, is not sent now: it is being recalled.
        if (result.Pending.Count > 0 && retracted is null)
        {
            await Task.WhenAll(result.Pending.Select(pending => SendAsync(context, pending, messages, eventType, source, cancellationToken)));
            var sentAt = time.GetUtcNow();
            await ledger.MarkSentAsync([.. result.Pending.Select(p => new SentMark(p.DeliveryId, sentAt))], cancellationToken);
        }

        // A copy held for its consent ends with this decision too; for a retracted event that is the denial.
        if (hold is { Outcome: HoldOutcome.WindowEnded } || retracted is not null)
        {
            await consentHold.ForgetAsync(source, envelope.EventId, cancellationToken);
        }

        // A withdrawal committed between this decision and its commit must still recall what was just sent.
        if (envelope.Consent.ConsentRef is { } consentRef && decisions.Any(d => d.Footing == DecisionFooting.Consent))
        {
            await recalls.SyncAndSendAsync(RecallCause.ForConsent(consentRef), context, cancellationToken);
        }

        // A retraction registers its ids and recalls them from exactly the recipients the ledger says received them; a
        // shared event retracted while it was being decided is recalled too (docs/adr/0020).
        await retractions.AfterCommitAsync(context, context.Message, source, eventType, decisions, retracted, cancellationToken);

        var allowed = decisions.Count(d => d.IsAllowed);
        metrics.Decided(source.Value, eventType, decisions);
        metrics.Routed(source.Value, eventType, time.GetElapsedTime(started));
        RouterTracing.Routed(activity, envelope.EventId, allowed, decisions.Count - allowed, result.AlreadyRecorded);
        RouterLog.EventRouted(logger, envelope.EventId, source.Value, eventType, allowed, decisions.Count - allowed, result.AlreadyRecorded);
    }

    private async Task SendAsync(ConsumeContext context, OutboxDelivery pending, Dictionary<Guid, EventDelivered> decided, string eventType, AgencyCode source, CancellationToken cancellationToken)
    {
        // A redelivered event's unsent deliveries come back from the outbox as they were committed.
        var delivery = decided.TryGetValue(pending.DeliveryId, out var message)
            ? message
            : JsonSerializer.Deserialize<EventDelivered>(pending.Body, ContractJson.Options)!;
        using var deliver = RouterTracing.StartDelivery(delivery.DeliveryId, delivery.EventId, eventType, source.Value, delivery.Recipient.Value, delivery.AgreementId, delivery.FlowId);
        var endpoint = await context.GetSendEndpoint(addresses.Deliver(delivery.Recipient));
        await endpoint.Send(delivery, send =>
        {
            send.MessageId = delivery.DeliveryId;

            // Routed nowhere, the send fails: the delivery stays unsent in the outbox and the ingress message is retried.
            send.MustRoute();
        }, cancellationToken);
    }

    private async Task RejectAsync(ConsumeContext context, string source, IngressRejection rejection, Guid? eventId, string eventType)
    {
        await rejections.RecordAsync(source, rejection, context.MessageId?.ToString(), context.ReceiveContext.Body.GetBytes(), eventId, eventType, context.CancellationToken);
        throw new IngressRejectedException(rejection);
    }
}
