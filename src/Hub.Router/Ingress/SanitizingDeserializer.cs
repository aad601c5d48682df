using System.Text.Json;
using MassTransit;

namespace Hub.Router.Ingress;

/// <summary>
/// MassTransit's JSON envelope deserializer, behind two guards. A body larger than <paramref name="maxBodyBytes"/> is
/// refused by its length before anything reads it (<see cref="OversizedEnvelopeException"/>), so an oversized input costs
/// no parsing. Any failure to read the rest is replaced by an exception that names the error's type and JSON path but
/// never quotes the body (see <see cref="UnreadableEnvelopeException"/>).
/// </summary>
public sealed class SanitizingDeserializer(IMessageDeserializer inner, int maxBodyBytes) : IMessageDeserializer
{
    public System.Net.Mime.ContentType ContentType => inner.ContentType;

    public void Probe(ProbeContext context) => inner.Probe(context);

    public ConsumeContext Deserialize(ReceiveContext receiveContext)
    {
        ArgumentNullException.ThrowIfNull(receiveContext);
        RefuseOversized(receiveContext.Body);
        try
        {
            return inner.Deserialize(receiveContext);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Sanitised(ex);
        }
    }

    public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        RefuseOversized(body);
        try
        {
            return inner.Deserialize(body, headers, destinationAddress);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Sanitised(ex);
        }
    }

    public MessageBody GetMessageBody(string text) => inner.GetMessageBody(text);

    /// <summary>The transports the hub uses hold the body in memory, so its length is known without reading it.</summary>
    private void RefuseOversized(MessageBody body)
    {
        var length = body.Length ?? body.GetBytes().LongLength;
        if (length > maxBodyBytes)
        {
            throw new OversizedEnvelopeException(length, maxBodyBytes);
        }
    }

    private static UnreadableEnvelopeException Sanitised(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return new UnreadableEnvelopeException(innermost is JsonException { Path: { Length: > 0 } path } ? $"invalid JSON at {path}" : innermost.GetType().Name);
    }
}
