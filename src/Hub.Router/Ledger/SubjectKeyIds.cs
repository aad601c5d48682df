using System.Security.Cryptography;
using System.Text;

namespace Hub.Router.Ledger;

/// <summary>
/// The id of a subject key: the first 8 bytes of HMAC-SHA256(key, "agencyhub-subject-key-id"), as 16 hex digits. It
/// names the key without revealing it (nobody can find the key from its id, or test a guessed identifier with it), so
/// a ledger row can record which key made its pseudonyms and an audit can tell a wrong key from a person with no rows.
/// </summary>
public static class SubjectKeyIds
{
    private static readonly byte[] Label = Encoding.UTF8.GetBytes("agencyhub-subject-key-id");

    public static string Of(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Label).AsSpan(0, 8));
    }

    /// <summary>The id of a key as configured (base64).</summary>
    public static string OfBase64(string key) => Of(Convert.FromBase64String(key));
}
