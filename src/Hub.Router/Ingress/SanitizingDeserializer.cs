using System.Text.Json;
using MassTransit;

namespace Hub.Router.Ingress;

/// <summary>
/// MassTransit's JSON envelope deserializer, with any failure to read the body replaced by an exception that
/// names the error's type and JSON path but never quotes the body (see <see cref="UnreadableEnvelopeException"/>).
/// </summary>
public sealed class SanitizingDeserializer(IMessageDeserializer inner) : IMessageDeserializer
{
    public System.Net.Mime.ContentType ContentType => inner.ContentType;

    public void Probe(ProbeContext context) => inner.Probe(context);

    public ConsumeContext Deserialize(ReceiveContext receiveContext)
    {
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
