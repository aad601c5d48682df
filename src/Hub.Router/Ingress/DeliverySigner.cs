using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Signing;

namespace Hub.Router.Ingress;

/// <summary>The router's own signing key (<c>Router:Signing:KeyFile</c>), for the deliveries it decides and the recalls it sends (docs/adr/0023).</summary>
public sealed class DeliverySigner(MessageSigner key)
{
    public EventDelivered Sign(EventDelivered delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var unsigned = delivery with { RouterSignature = null };
        return unsigned with { RouterSignature = new DetachedSignature(key.KeyId, key.Sign(unsigned, typeof(EventDelivered))) };
    }

    public RecallRequested Sign(RecallRequested recall)
    {
        ArgumentNullException.ThrowIfNull(recall);
        var unsigned = recall with { RouterSignature = null };
        return unsigned with { RouterSignature = new DetachedSignature(key.KeyId, key.Sign(unsigned, typeof(RecallRequested))) };
    }
}
