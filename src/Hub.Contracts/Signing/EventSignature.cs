using System.Text;
using System.Text.Json;

namespace Hub.Contracts.Signing;

/// <summary>
/// The detached signature a participant puts on each message it sends (docs/adr/0023): ECDSA P-256 over SHA-256 of a
/// label, the contract type and the message in the contracts' own JSON form, carried in two transport headers. The
/// receiver recomputes the same bytes from the message it deserialised, so the signature covers exactly what it acts on.
/// </summary>
public static class EventSignature
{
    public const string SignatureHeader = "AgencyHub-Signature";
    public const string KeyIdHeader = "AgencyHub-Key-Id";

    public static byte[] Payload(object message, Type type)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(type);
        var label = Encoding.UTF8.GetBytes("agencyhub-signed/1\n" + type.FullName + "\n");
        return [.. label, .. JsonSerializer.SerializeToUtf8Bytes(message, type, ContractJson.Options)];
    }
}
