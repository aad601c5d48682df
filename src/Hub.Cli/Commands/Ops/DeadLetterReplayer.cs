using System.Data.Common;
using Hub.Cli.Commands.Audit;
using Hub.Contracts.Agencies;
using Hub.Contracts.Operations.V1;
using Hub.Router.Ledger;
using RabbitMQ.Client.Exceptions;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// Replays one dead-lettered message: ledger row, then the re-publish with a publisher confirm, then the removal
/// (docs/adr/0012). Returns false, leaving the message where it was, whenever a step does not complete.
/// </summary>
internal sealed class DeadLetterReplayer(DeadLetterBroker broker, AuditConnection ledger, string operatorName, string? reason)
{
    public async Task<bool> OneAsync(DeadLetterSession session, DeadLetterMessage message, DeadLetter letter, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var shown = letter.MessageId ?? "(no id)";
        DeliveryReplayRequested? request = null;
        if (letter.Kind == DeadLetterKind.Delivery)
        {
            if (DeadLetterReader.DeliveryIdOf(message.Body) is not { } deliveryId || letter.MessageType != "(delivery)")
            {
                await Console.Error.WriteLineAsync($"message {shown} in {letter.Queue}: not a delivery ({letter.MessageType ?? "unreadable"}), so there is nothing for the router to re-check; left in place (purge it if it is not needed).");
                return false;
            }

            request = new DeliveryReplayRequested { RequestId = Guid.NewGuid(), DeliveryId = deliveryId, RequestedBy = operatorName, RequestedAt = now, FromQueue = letter.Queue };
        }
        else if (letter.EventId is { } eventId)
        {
            IReadOnlyList<LedgerEntry> history;
            try
            {
                history = await ledger.Ledger.ReadEventAsync(eventId, cancellationToken);
            }
            catch (DbException ex)
            {
                await Console.Error.WriteLineAsync($"message {shown}: cannot read the ledger ({ex.GetType().Name}, SQL state {ex.SqlState ?? "none"}); it stays in {letter.Queue}.");
                return false;
            }

            var earlier = history.FirstOrDefault(r => r.Kind == LedgerEntryKind.Decision && r.Source == letter.Agency);
            if (earlier is not null)
            {
                Console.WriteLine($"note: event {eventId} was already decided at {DeadLetterPrinter.Time(earlier.RecordedAt)}; the router keeps that decision (idempotent per source and event id) and sends only its unsent deliveries.");
            }
        }

        var detail = request is null ? ReplayPublisher.Describe(letter) : $"{ReplayPublisher.Describe(letter)}, request {request.RequestId}";
        if (!await OpsLedger.RecordAsync(ledger, OperatorAccessRows.For(OperatorActions.ReplayRequested, letter, operatorName, reason, now, detail), "replayed", cancellationToken))
        {
            return false;
        }

        try
        {
            if (request is null)
            {
                await ReplayPublisher.ResubmitAsync(broker, message, new AgencyCode(letter.Agency), cancellationToken);
            }
            else
            {
                await ReplayPublisher.RequestDeliveryReplayAsync(broker, request, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is PublishException or OperationInterruptedException or AlreadyClosedException)
        {
            await Console.Error.WriteLineAsync($"message {shown}: the broker did not confirm the replay ({ex.GetType().Name}); it stays in {letter.Queue}.");
            return false;
        }

        await session.RemoveAsync(message, cancellationToken);
        Console.WriteLine($"message {shown} ({letter.EventType ?? letter.MessageType ?? "?"}{(letter.EventId is { } e ? $", event {e}" : string.Empty)}) {detail}; removed from {letter.Queue}.");
        return true;
    }
}
