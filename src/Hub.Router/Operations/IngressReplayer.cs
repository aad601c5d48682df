using Hub.Contracts.Agencies;
using Hub.Contracts.Operations.V1;
using Hub.Contracts.Topology;
using Hub.Router.Configuration;
using Hub.Router.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Router.Operations;

/// <summary>
/// Sends a dead-lettered ingress message back into its agency's ingress queue, from the router's own dead-letter queue
/// (docs/adr/0012): the router takes the source from the queue as always and decides the event under the agreements
/// and consents in force now, or, if its decisions were committed before it failed, sends what is still unsent. The
/// outcome is ledgered before the message moves: <c>replay-allowed</c>, or <c>replay-denied</c> when the queue is not
/// one of this router's ingress dead-letter queues or does not hold the message.
/// </summary>
public sealed class IngressReplayer(IngressDeadLetters deadLetters, ILedgerStore ledger, IOptions<RouterOptions> options, TimeProvider time, ILogger<IngressReplayer> logger)
{
    private readonly AgencyCode[] _agencies = [.. options.Value.Agencies.Select(a => new AgencyCode(a))];

    public async Task ReplayAsync(IngressReplayRequested request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var agency = _agencies.FirstOrDefault(a => request.FromQueue == HubTopology.ErrorQueue(HubTopology.IngressQueue(a)) || request.FromQueue == HubTopology.SkippedQueue(HubTopology.IngressQueue(a)));
        if (agency.Value is null)
        {
            await RecordAsync(request, "unknown", OperatorActions.ReplayDenied, ["the queue is not an ingress dead-letter queue of this router: nothing to replay"], now, cancellationToken);
            OperationsLog.IngressReplayDenied(logger, request.MessageId, request.RequestId);
            return;
        }

        var ingress = HubTopology.IngressQueue(agency);
        var moved = await deadLetters.MoveBackAsync(
            request.FromQueue,
            agency,
            request.MessageId,
            token => RecordAsync(request, agency.Value, OperatorActions.ReplayAllowed, [$"message {request.MessageId} re-published into {ingress} through {HubTopology.ReingressExchange(agency)}"], now, token),
            cancellationToken);
        if (!moved)
        {
            await RecordAsync(request, agency.Value, OperatorActions.ReplayDenied, [$"message {request.MessageId} is not in the queue: nothing to replay"], now, cancellationToken);
            OperationsLog.IngressReplayDenied(logger, request.MessageId, request.RequestId);
            return;
        }

        OperationsLog.IngressReplayed(logger, request.MessageId, agency.Value, request.RequestId);
    }

    private Task RecordAsync(IngressReplayRequested request, string source, LedgerOutcome outcome, IReadOnlyList<string> reasons, DateTimeOffset now, CancellationToken cancellationToken) =>
        ledger.RecordOperatorAccessAsync(OperatorReplayRow.For(request.RequestId, request.RequestedBy, request.FromQueue, source, outcome, reasons, now), cancellationToken);
}
