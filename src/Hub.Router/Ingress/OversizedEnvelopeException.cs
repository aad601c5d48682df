using System.Globalization;
using System.Runtime.Serialization;

namespace Hub.Router.Ingress;

/// <summary>
/// Thrown by <see cref="SanitizingDeserializer"/> for an ingress body larger than <c>Router:MaxEventBytes</c>, before a
/// byte of it is parsed: no JSON reader ever runs over an oversized body. A <see cref="SerializationException"/>, so it
/// is never retried; <see cref="RejectionLedgerFilter"/> ledgers it as <c>oversized</c> on its way to the error queue.
/// </summary>
public sealed class OversizedEnvelopeException : SerializationException
{
    public OversizedEnvelopeException(long bodyBytes, int maxBytes)
        : this(new IngressRejection(RejectionCodes.Oversized, string.Create(CultureInfo.InvariantCulture, $"message is {bodyBytes} bytes; the limit is {maxBytes}")))
    {
    }

    public OversizedEnvelopeException()
        : this(new IngressRejection(RejectionCodes.Oversized, "message is larger than the limit"))
    {
    }

    public OversizedEnvelopeException(string message)
        : this(new IngressRejection(RejectionCodes.Oversized, message))
    {
    }

    public OversizedEnvelopeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Rejection = new IngressRejection(RejectionCodes.Oversized, message);
    }

    private OversizedEnvelopeException(IngressRejection rejection)
        : base(rejection.ToString())
    {
        Rejection = rejection;
    }

    /// <summary>The refusal as ledgered: code <c>oversized</c>, the body's size and the limit.</summary>
    public IngressRejection Rejection { get; }
}
