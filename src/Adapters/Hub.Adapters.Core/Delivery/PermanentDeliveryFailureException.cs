namespace Hub.Adapters.Core.Delivery;

/// <summary>
/// A sink refused a delivery for good (a webhook's 4xx, say): the delivery endpoint does not retry it and it moves
/// straight to the delivery queue's error queue. The message names the cause (a status code), never payload or body.
/// </summary>
public sealed class PermanentDeliveryFailureException : Exception
{
    public PermanentDeliveryFailureException()
    {
    }

    public PermanentDeliveryFailureException(string message)
        : base(message)
    {
    }

    public PermanentDeliveryFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
