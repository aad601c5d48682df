using System.Data.Common;
using Hub.Cli.Commands.Audit;
using Hub.Contracts.Operations.V1;
using Hub.Router.Ledger;
using RabbitMQ.Client.Exceptions;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// Replays the dead-lettered messages of one browse session (docs/adr/0012). Each gets its ledger row first, then the
/// router is asked, with a publisher confirm, to replay it. A delivery dead letter is removed once the request is
/// confirmed. An ingress dead letter is the router's to move: the session is closed first, so that the message is back
/// in its queue for the router to take, and it leaves the queue when the router has re-published it. Whenever a step
/// does not complete, the message stays where it was.
/// </summary>
internal sealed class DeadLetterReplayer(DeadLetterBroker broker, AuditConnection ledger, string operatorName, string? reason, TextWriter output)
{
    private readonly List<ReplayResult> _results = [];

    /// <summary>Every message handed to <see cref="ReplayAsync"/> so far, in the order it was settled.</summary>
    public IReadOnlyList<ReplayResult> Results => _results;

    /// <summary>Replays <paramref name="messages"/>, taken in <paramref name="session"/>, and disposes the session.</summary>
    public async Task<(int Replayed, int Failed)> ReplayAsync(DeadLetterSession session, IEnumerable<(DeadLetterMessage Message, DeadLetter Letter)> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(messages);
        var replayed = 0;
        var failed = 0;
        var ingress = new List<(DeadLetter Letter, IngressReplayRequested Request, string Detail, string? Note)>();
        await using (session)
        {
            foreach (var (message, letter) in messages)
            {
                var (request, note) = await RequestForAsync(message, letter, cancellationToken);
                var detail = request is null ? null : $"{ReplayPublisher.Describe(letter)}, request {RequestIdOf(request)}";
                if (request is null || !await OpsLedger.RecordAsync(ledger, OperatorAccessRows.For(OperatorActions.ReplayRequested, letter, operatorName, reason, TimeProvider.System.GetUtcNow(), detail!), "replayed", cancellationToken))
                {
                    _results.Add(new ReplayResult(letter, false, null, note));
                    failed++;
                }
                else if (request is IngressReplayRequested asked)
                {
                    ingress.Add((letter, asked, detail!, note));
                }
                else if (await SendAsync(letter, request, cancellationToken))
                {
                    await session.RemoveAsync(message, cancellationToken);
                    Report(letter, $"{detail}; removed from {letter.Queue}", note);
                    replayed++;
                }
                else
                {
                    _results.Add(new ReplayResult(letter, false, null, note));
                    failed++;
                }
            }
        }

        // The session is closed: the ingress dead letters are back in their queues, where the router looks for them.
        foreach (var (letter, request, detail, note) in ingress)
        {
            if (await SendAsync(letter, request, cancellationToken))
            {
                Report(letter, $"{detail}; it leaves {letter.Queue} once the router has re-published it", note);
                replayed++;
            }
            else
            {
                _results.Add(new ReplayResult(letter, false, null, note));
                failed++;
            }
        }

        return (replayed, failed);
    }

    private static Guid RequestIdOf(object request) => request switch
    {
        IngressReplayRequested ingress => ingress.RequestId,
        DeliveryReplayRequested delivery => delivery.RequestId,
        _ => throw new ArgumentException("Not a replay request.", nameof(request)),
    };

    private void Report(DeadLetter letter, string detail, string? note)
    {
        _results.Add(new ReplayResult(letter, true, detail, note));
        output.WriteLine($"message {letter.MessageId ?? "(no id)"} ({letter.EventType ?? letter.MessageType ?? "?"}{(letter.EventId is { } e ? $", event {e}" : string.Empty)}) {detail}.");
    }

    /// <summary>
    /// What the router is to be asked, or null, said on stderr, when the message cannot be replayed; and a note, also
    /// printed, when the event was decided before.
    /// </summary>
    private async Task<(object? Request, string? Note)> RequestForAsync(DeadLetterMessage message, DeadLetter letter, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var shown = letter.MessageId ?? "(no id)";
        if (letter.Kind == DeadLetterKind.Delivery)
        {
            if (DeadLetterReader.DeliveryIdOf(message.Body) is not { } deliveryId || letter.MessageType != "(delivery)")
            {
                await Console.Error.WriteLineAsync($"message {shown} in {letter.Queue}: not a delivery ({letter.MessageType ?? "unreadable"}), so there is nothing for the router to re-check; left in place (purge it if it is not needed).");
                return (null, null);
            }

            return (new DeliveryReplayRequested { RequestId = Guid.NewGuid(), DeliveryId = deliveryId, RequestedBy = operatorName, RequestedAt = now, FromQueue = letter.Queue }, null);
        }

        if (!Guid.TryParse(letter.MessageId, out var messageId))
        {
            await Console.Error.WriteLineAsync($"message in {letter.Queue} without a message id: the router finds dead letters by id, so it cannot be replayed; left in place.");
            return (null, null);
        }

        string? note = null;
        if (letter.EventId is { } eventId)
        {
            IReadOnlyList<LedgerEntry> history;
            try
            {
                history = await ledger.Ledger.ReadEventAsync(eventId, cancellationToken);
            }
            catch (DbException ex)
            {
                await Console.Error.WriteLineAsync($"message {shown}: cannot read the ledger ({ex.GetType().Name}, SQL state {ex.SqlState ?? "none"}); it stays in {letter.Queue}.");
                return (null, null);
            }

            var earlier = history.FirstOrDefault(r => r.Kind == LedgerEntryKind.Decision && r.Source == letter.Agency);
            if (earlier is not null)
            {
                note = $"event {eventId} was already decided at {DeadLetterPrinter.Time(earlier.RecordedAt)}; the router keeps that decision (idempotent per source and event id) and sends only its unsent deliveries";
                output.WriteLine($"note: {note}.");
            }
        }

        return (new IngressReplayRequested { RequestId = Guid.NewGuid(), MessageId = messageId, FromQueue = letter.Queue, RequestedBy = operatorName, RequestedAt = now }, note);
    }

    private async Task<bool> SendAsync(DeadLetter letter, object request, CancellationToken cancellationToken)
    {
        try
        {
            await ReplayPublisher.RequestAsync(broker, request, RequestIdOf(request), TimeProvider.System.GetUtcNow(), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is PublishException or OperationInterruptedException or AlreadyClosedException)
        {
            await Console.Error.WriteLineAsync($"message {letter.MessageId ?? "(no id)"}: the broker did not confirm the replay request ({ex.GetType().Name}); it stays in {letter.Queue}.");
            return false;
        }
    }
}
