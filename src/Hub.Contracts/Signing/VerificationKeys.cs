using System.Security.Cryptography;

namespace Hub.Contracts.Signing;

/// <summary>
/// The public keys one participant signs with, by key id. Several at once is how a key is rotated: the new key is
/// added, the participant switches, the old key is removed when nothing signed with it is still in flight.
/// </summary>
public sealed class VerificationKeys
{
    private readonly Dictionary<string, ECDsa> _keys;

    public VerificationKeys(IEnumerable<ECDsa> publicKeys)
    {
        ArgumentNullException.ThrowIfNull(publicKeys);
        _keys = publicKeys.ToDictionary(SigningKeyIds.Of, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public static VerificationKeys FromPemFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return new VerificationKeys(paths.Select(path =>
        {
            var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }).ToList());
    }

    public SignatureCheck Check(object message, Type type, string? keyId, string? signature) =>
        CheckData(() => EventSignature.Payload(message, type), keyId, signature);

    /// <summary>Checks a signature over raw bytes (the payload is only built once a key is found).</summary>
    public SignatureCheck CheckData(Func<byte[]> payload, string? keyId, string? signature)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.NotSigned;
        }

        if (!_keys.TryGetValue(keyId, out var key))
        {
            return SignatureCheck.UnknownKey;
        }

        var bytes = new byte[96];
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && key.VerifyData(payload(), bytes.AsSpan(0, length), HashAlgorithmName.SHA256)
            ? SignatureCheck.Valid
            : SignatureCheck.DoesNotVerify;
    }
}
