using System.Security.Cryptography;

namespace Hub.Contracts.Signing;

/// <summary>A key's id: the first 16 hex digits of the SHA-256 of its SubjectPublicKeyInfo, the same for its private and public halves.</summary>
public static class SigningKeyIds
{
    public static string Of(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
    }
}
