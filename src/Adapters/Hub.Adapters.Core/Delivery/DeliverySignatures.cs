using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Signing;

namespace Hub.Adapters.Core.Delivery;

/// <summary>The router's public keys, when the adapter checks deliveries and recalls (<c>Adapter:RouterKeyFiles</c>, docs/adr/0023).</summary>
public sealed class DeliverySignatures(VerificationKeys routerKeys)
{
    public SignatureCheck Check(EventDelivered delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return routerKeys.Check(delivery with { RouterSignature = null }, typeof(EventDelivered), delivery.RouterSignature?.KeyId, delivery.RouterSignature?.Value);
    }

    public SignatureCheck Check(RecallRequested recall)
    {
        ArgumentNullException.ThrowIfNull(recall);
        return routerKeys.Check(recall with { RouterSignature = null }, typeof(RecallRequested), recall.RouterSignature?.KeyId, recall.RouterSignature?.Value);
    }

    /// <summary>Words a failed check for an exception message: no key material, no content.</summary>
    public static string Describe(SignatureCheck check) => check switch
    {
        SignatureCheck.NotSigned => "missing",
        SignatureCheck.UnknownKey => "by a key not configured here",
        _ => "not valid for its contents",
    };
}
