using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Signing;

namespace Hub.Adapters.Core.Delivery;

/// <summary>The router's public keys, when the adapter checks deliveries (<c>Adapter:RouterKeyFiles</c>, docs/adr/0023).</summary>
public sealed class DeliverySignatures(VerificationKeys routerKeys)
{
    public SignatureCheck Check(EventDelivered delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return routerKeys.Check(delivery with { RouterSignature = null }, typeof(EventDelivered), delivery.RouterSignature?.KeyId, delivery.RouterSignature?.Value);
    }
}
