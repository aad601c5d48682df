using System.Diagnostics;
using System.Security.Cryptography;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Topology;
using Hub.Router.Ledger;
using Hub.Router.Metrics;
using Hub.Router.Telemetry;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Hub.Router.Ingress;

/// <summary>
/// Writes the ledger row for a refused input: one row per (message id, body), however often it is redelivered,
/// and a new row when a sender reuses a message id for a different body.
/// </summary>
public sealed class RejectionRecorder(ILedgerStore store, TimeProvider time, RouterMetrics metrics, ILogger<RejectionRecorder> logger)
{
    public async Task RecordAsync(string source, IngressRejection rejection, string? messageId, ReadOnlyMemory<byte> body, Guid? eventId, string? eventType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var inputKey = $"{messageId}|{Convert.ToHexStringLower(SHA256.HashData(body.Span))}";
        var entry = new LedgerEntry
        {
            EntryId = DeliveryIds.NameBased($"rejection|{source}|{inputKey}"),
            RecordedAt = time.GetUtcNow(),
            Kind = LedgerEntryKind.Rejection,
            Outcome = LedgerOutcome.Rejected,
            Source = source,
            EventId = eventId,
            EventType = eventType,
            Reasons = [rejection.Code, rejection.Reason],
            TraceId = Activity.Current?.TraceId.ToString(),
            MessageId = messageId,
        };
        await store.RecordRejectionAsync(entry, cancellationToken);
        metrics.Rejected(source, rejection.Code);
        RouterTracing.Rejected(Activity.Current, rejection.Code, eventId);
        RouterLog.IngressRejected(logger, source, rejection.Code, messageId, rejection.Reason);
    }

    /// <summary>
    /// For the filters in MassTransit's error and dead-letter pipes, where the consumer never ran: the source is the
    /// queue's agency. A ledger that cannot be reached is logged, not thrown, because the message still goes on to
    /// the error or skipped queue, where replay finds it.
    /// </summary>
    public async Task RecordRefusedTransportMessageAsync(ReceiveContext context, IngressRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rejection);
        var source = HubTopology.TryGetIngressAgency(context.InputAddress, out var agency) ? agency.Value : "unknown";
        try
        {
            await RecordAsync(source, rejection, context.GetMessageId()?.ToString(), context.Body.GetBytes(), null, null, context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RouterLog.RejectionNotLedgered(logger, source, rejection.Code, ex.GetType().Name);
        }
    }
}
