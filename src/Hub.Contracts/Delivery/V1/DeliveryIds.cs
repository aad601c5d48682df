using System.Security.Cryptography;
using System.Text;
using Hub.Contracts.Agencies;

namespace Hub.Contracts.Delivery.V1;

/// <summary>Deterministic delivery ids (RFC 9562 version-5 style UUIDs) so a redelivered event maps to the same delivery.</summary>
public static class DeliveryIds
{
    private static readonly Guid Namespace = new("5c1b7e7a-6a4f-4d0e-9a55-0f8e2a1c9b31");

    public static Guid For(AgencyCode source, Guid eventId, AgencyCode recipient) =>
        NameBased($"delivery|{source.Value}|{eventId:N}|{recipient.Value}");

    /// <summary>A version-5 UUID of <paramref name="name"/> within the hub's namespace.</summary>
    public static Guid NameBased(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(input[..16], bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input[16..]);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version-5 UUIDs; not used for security.
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
