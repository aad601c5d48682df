using System.Runtime.Serialization;

namespace Hub.Router.Ingress;

/// <summary>
/// Stands in for whatever the JSON reader threw on an unreadable ingress body. Reader exceptions quote the
/// input, and MassTransit copies exception messages into fault headers and logs; this message quotes nothing.
/// </summary>
public sealed class UnreadableEnvelopeException : SerializationException
{
    public UnreadableEnvelopeException(string readerError)
        : base($"message body is not a readable hub envelope ({readerError})")
    {
    }

    public UnreadableEnvelopeException()
        : base("message body is not a readable hub envelope")
    {
    }

    public UnreadableEnvelopeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
