using System.Runtime.Serialization;
using System.Text.Json;
using MassTransit;

namespace Hub.Router.Ingress;

/// <summary>
/// First filter of each ingress endpoint's error pipe: input that failed before or outside the consumer
/// (an oversized or undecodable body, exhausted retries) gets its ledger row here, then continues to the error queue.
/// Refusals the consumer already ledgered pass straight through.
/// </summary>
public sealed class RejectionLedgerFilter(RejectionRecorder recorder) : IFilter<ExceptionReceiveContext>
{
    public void Probe(ProbeContext context) => context.CreateFilterScope("rejectionLedger");

    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var rejection = context.Exception is IngressRejectedException ? null : Classify(context);
        if (rejection is not null)
        {
            await recorder.RecordRefusedTransportMessageAsync(context, rejection);
        }

        if (rejection?.Code is RejectionCodes.Malformed or RejectionCodes.Oversized)
        {
            // Expected input, ledgered and logged at Warning above. Notifying a fault would have MassTransit log it
            // again at Error with the stack trace; the mark tells the dead-letter pipe it is already on its way to _error.
            context.GetOrAddPayload(() => RefusedInput.Instance);
        }
        else if (!context.IsFaulted)
        {
            // Marks the message faulted, as MassTransit's GenerateFaultFilter would (faults are not published here):
            // without it the dead-letter filter would also see the message as unconsumed.
            await context.NotifyFaulted(context.Exception);
        }

        await next.Send(context);
    }

    private static IngressRejection Classify(ExceptionReceiveContext context) => context.Exception switch
    {
        _ when Innermost(context.Exception) is OversizedEnvelopeException oversized => oversized.Rejection,
        SerializationException or JsonException or MessageException => new IngressRejection(RejectionCodes.Malformed, "message body could not be read as a hub event: " + Describe(context.Exception)),
        _ => new IngressRejection(RejectionCodes.ProcessingFailed, $"processing failed after retries ({context.Exception.GetType().Name})"),
    };

    /// <summary>Exception type names and JSON paths only: System.Text.Json messages name paths, not values.</summary>
    private static string Describe(Exception exception) => Innermost(exception) switch
    {
        UnreadableEnvelopeException unreadable => unreadable.Message,
        JsonException { Path: { } path } => $"invalid JSON at {path}",
        { } innermost => innermost.GetType().Name,
    };

    private static Exception Innermost(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost;
    }
}
