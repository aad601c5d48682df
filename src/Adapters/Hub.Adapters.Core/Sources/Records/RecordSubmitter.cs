using Hub.Adapters.Core.Configuration;
using Hub.Adapters.Core.Publishing;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.Records;

/// <summary>
/// The path every source shares: map a record, give it its deterministic event id, validate the event the way the
/// router will, and publish it through <see cref="IngressPublisher"/>, returning only once the broker confirmed.
/// </summary>
public sealed class RecordSubmitter(IServiceScopeFactory scopes, IOptions<AdapterOptions> adapter, ILogger<RecordSubmitter> logger)
{
    public AgencyCode Agency { get; } = new(adapter.Value.Agency);

    /// <summary>Maps and validates without publishing.</summary>
    public RecordMapping Prepare<TRecord>(IRecordMapper<TRecord> mapper, TRecord record, RecordContext context)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(context);
        RecordMapping mapping;
        try
        {
            mapping = mapper.Map(record, context);
        }
#pragma warning disable CA1031 // A mapper failing on one record quarantines that record; its message may quote values, so only the type is kept.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return RecordMapping.Rejected($"the mapper failed on this record ({ex.GetType().Name})");
        }

        if (mapping.Event is not { } mapped)
        {
            return mapping;
        }

        var @event = mapped.Envelope?.EventId == Guid.Empty ? SourceEventIds.WithEventId(mapped, context.EventId) : mapped;
        var problems = new List<string>();
        if (!EventCatalogue.TryGet(@event.GetType(), out _))
        {
            problems.Add($"{@event.GetType().Name} is not a catalogued event type");
        }

        if (@event.Envelope is null)
        {
            problems.Add("envelope is missing");
        }
        else
        {
            problems.AddRange(@event.Envelope.Validate());
            if (@event.Envelope.Source != Agency)
            {
                problems.Add("envelope.source must be this adapter's agency");
            }
        }

        return problems.Count == 0 ? RecordMapping.Mapped(@event) : RecordMapping.Rejected(problems);
    }

    /// <summary>Maps, validates and publishes one record; throws <see cref="SourcePublishException"/> if the broker did not confirm.</summary>
    public Task<RecordOutcome> SubmitAsync<TRecord>(IRecordMapper<TRecord> mapper, TRecord record, RecordContext context, CancellationToken cancellationToken) =>
        SubmitPreparedAsync(Prepare(mapper, record, context), context, cancellationToken);

    /// <summary>
    /// The second half of <see cref="SubmitAsync{TRecord}"/>, for a mapping <see cref="Prepare{TRecord}"/> made earlier
    /// (on another thread): a rejection is logged and returned; an event is published, returning once the broker confirmed.
    /// </summary>
    public async Task<RecordOutcome> SubmitPreparedAsync(RecordMapping mapping, RecordContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(context);
        if (mapping.Event is not { } @event)
        {
            SourcesLog.RecordRejected(logger, Agency.Value, context.Origin, mapping.Problems.Count);
            return RecordOutcome.Rejected(mapping.Problems);
        }

        EventCatalogue.TryGet(@event.GetType(), out var info);
        return await PublishPreparedAsync(@event, info.Name, cancellationToken);
    }

    /// <summary>Publishes an event that <see cref="Prepare{TRecord}"/> accepted; returns once the broker confirmed.</summary>
    public async Task<RecordOutcome> PublishPreparedAsync(Hub.Contracts.Envelope.IShareableEvent @event, string eventType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        await PublishAsync(@event, cancellationToken);
        return RecordOutcome.Confirmed(@event.Envelope.EventId, eventType);
    }

    private async Task PublishAsync(Hub.Contracts.Envelope.IShareableEvent @event, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            // Publisher confirms are on (HubRabbitMq): the send completes only once the broker has the message.
            await scope.ServiceProvider.GetRequiredService<IngressPublisher>().SubmitAsync(Agency, @event, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any transport failure means "not confirmed"; callers decide (retry later, 503).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SourcesLog.PublishFailed(logger, Agency.Value, @event.Envelope.EventId, ex.GetType().Name);
            throw new SourcePublishException($"The broker did not confirm event {@event.Envelope.EventId}.", ex);
        }
    }
}
