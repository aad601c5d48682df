using System.Text.Json;
using Hub.Contracts.Catalogue;
using MassTransit;
using MassTransit.Transports;

namespace Hub.Router.Ingress;

/// <summary>
/// The ingress endpoints' dead-letter pipe: a message no consumer accepts (its type is not a hub event) is
/// ledgered as <c>unknown-type</c> and moved to the endpoint's <c>_skipped</c> queue with the reason in
/// <c>MT-Reason</c>. Throwing instead would happen outside MassTransit's rescue pipe and redeliver forever.
/// </summary>
public sealed class UnknownTypeLedgerFilter(RejectionRecorder recorder) : IFilter<ReceiveContext>
{
    public void Probe(ProbeContext context) => context.CreateFilterScope("unknownTypeLedger");

    public async Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.TryGetPayload(out RefusedInput? _))
        {
            // An unreadable body the error pipe has already ledgered and moved to _error (RejectionLedgerFilter).
            await next.Send(context);
            return;
        }

        var rejection = new IngressRejection(RejectionCodes.UnknownType, $"message type {DescribeTypes(context)} is not a shareable event type");
        await recorder.RecordRefusedTransportMessageAsync(context, rejection);

        if (!context.TryGetPayload(out IDeadLetterTransport? transport))
        {
            throw new TransportException(context.InputAddress, "No dead-letter transport on this receive endpoint.");
        }

        await transport.Send(context, rejection.ToString());
        await next.Send(context);
    }

    /// <summary>
    /// The first message-type URN of the envelope if it reads as a type name (<see cref="MessageTypeText"/>): the text is
    /// the sender's, and the reason is ledgered for good, so anything that could be an identifier is described, not echoed.
    /// </summary>
    private static string DescribeTypes(ReceiveContext context)
    {
        try
        {
            using var envelope = JsonDocument.Parse(context.Body.GetBytes());
            if (envelope.RootElement.ValueKind == JsonValueKind.Object
                && envelope.RootElement.TryGetProperty("messageType", out var types)
                && types.ValueKind == JsonValueKind.Array
                && types.GetArrayLength() > 0
                && types[0].ValueKind == JsonValueKind.String)
            {
                return MessageTypeText.Describe(types[0].GetString());
            }
        }
        catch (JsonException)
        {
        }

        return "(unrecognised)";
    }
}
