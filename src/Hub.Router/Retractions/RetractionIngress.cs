using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;
using Hub.Router.Consent.Holding;
using Hub.Router.Recalls;
using Hub.Sharing.Decisions;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Hub.Router.Retractions;

/// <summary>
/// Ingress's side of retractions (docs/adr/0020, amended). Before an event is decided: has its source already
/// retracted it? Then it is denied to everyone (<see cref="RetractedDecisions"/>), whatever order the bus delivered
/// things in, and a copy held for its consent ends the same way. After an event's rows commit: a retraction registers
/// the ids it names and recalls what the ledger says was delivered; an event that was allowed is looked up again, so
/// a retraction registered while it was being decided still recalls it (the same rule as consent withdrawals).
/// </summary>
public sealed class RetractionIngress(
    IRetractionRegister register,
    RetractionLookups lookups,
    RecallDispatcher recalls,
    HoldSignal holds,
    TimeProvider time,
    ILogger<RetractionIngress> logger)
{
    /// <summary>The earliest registered retraction of this event, or null when its source has not retracted it.</summary>
    public async Task<RetractedEvent?> RetractedAsync(AgencyCode source, EventEnvelope envelope, string eventType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var found = await lookups.FindAsync(source, envelope.EventId, eventType, cancellationToken);
        var retracted = found.Count > 0 ? found[0] : null;
        if (retracted is not null)
        {
            RetractionLog.ArrivedRetracted(logger, envelope.EventId, source.Value, eventType, retracted.RetractionId);
        }

        return retracted;
    }

    /// <summary>
    /// Runs once the event's decision rows are committed (and its deliveries sent). <paramref name="retracted"/> is what
    /// <see cref="RetractedAsync"/> found before deciding: a redelivered event whose first decision allowed it may have
    /// been retracted since, and its committed deliveries are then recalled here.
    /// </summary>
    public async Task AfterCommitAsync(ConsumeContext context, IShareableEvent @event, AgencyCode source, string eventType, IReadOnlyList<Decision> decisions, RetractedEvent? retracted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(decisions);
        if (@event is RecordRetracted retraction)
        {
            var named = RetractedEvent.From(retraction, source, time.GetUtcNow());
            await register.RecordRetractedAsync(named, cancellationToken);
            RetractionLog.Registered(logger, retraction.Envelope.EventId, source.Value, named.Count, retraction.RetractedEventType);
            holds.RetractionRecorded();
            await recalls.SyncAndSendAsync(RecallCause.ForRetraction(retraction.Envelope.EventId), context, cancellationToken);
            return;
        }

        if (retracted is null && !decisions.Any(d => d.IsAllowed))
        {
            return;
        }

        foreach (var retractionId in (await lookups.FindAsync(source, @event.Envelope.EventId, eventType, cancellationToken)).Select(r => r.RetractionId).Distinct())
        {
            await recalls.SyncAndSendAsync(RecallCause.ForRetraction(retractionId), context, cancellationToken);
        }
    }
}
