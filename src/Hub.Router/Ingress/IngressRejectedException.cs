namespace Hub.Router.Ingress;

/// <summary>
/// Thrown after a refusal has been ledgered; the consumer catches it and moves the message to the ingress error queue with the
/// reason in its fault headers (<see cref="RejectionMover"/>). Never retried. The message holds no personal data.
/// </summary>
public sealed class IngressRejectedException : Exception
{
    public IngressRejectedException(IngressRejection rejection)
        : base(rejection?.ToString())
    {
        Rejection = rejection ?? throw new ArgumentNullException(nameof(rejection));
    }

    public IngressRejectedException()
        : this(new IngressRejection(RejectionCodes.ProcessingFailed, "rejected"))
    {
    }

    public IngressRejectedException(string message)
        : this(new IngressRejection(RejectionCodes.ProcessingFailed, message))
    {
    }

    public IngressRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Rejection = new IngressRejection(RejectionCodes.ProcessingFailed, message);
    }

    public IngressRejection Rejection { get; }
}
