using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hub.Contracts.Signing;
using Hub.Router.Ledger.Chain;

namespace Hub.Router.Ledger.Anchors;

/// <summary>
/// Signs and checks anchors with ECDSA P-256 over SHA-256 (IEEE P1363 signatures). The key id is the first 16 hex
/// digits of the SHA-256 of the public key's SubjectPublicKeyInfo, so a verifier holding several keys (rotation)
/// picks the right one.
/// </summary>
public sealed class LedgerAnchorSigner : IDisposable
{
    private readonly ECDsa _key;

    public LedgerAnchorSigner(ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (privateKey.KeySize != 256)
        {
            throw new ArgumentException("The anchor signing key must be an ECDSA P-256 key.", nameof(privateKey));
        }

        _key = privateKey;
        KeyId = KeyIdOf(privateKey);
    }

    public string KeyId { get; }

    /// <summary>Reads a PEM private key (PKCS#8 or SEC1), as <c>openssl ecparam -name prime256v1 -genkey</c> writes.</summary>
    public static LedgerAnchorSigner FromPemFile(string path)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return new LedgerAnchorSigner(key);
    }

    public LedgerAnchor Sign(LedgerSeal seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var unsigned = new LedgerAnchor(seal.Number, seal.FirstSequence, seal.LastSequence, seal.ChainHash, seal.SealedAt, KeyId, string.Empty);
        return unsigned with { Signature = Convert.ToBase64String(_key.SignData(Payload(unsigned), HashAlgorithmName.SHA256)) };
    }

    /// <summary>Whether <paramref name="publicKey"/> signed the anchor (its key id must match too).</summary>
    public static bool Verify(LedgerAnchor anchor, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(publicKey);
        Span<byte> signature = stackalloc byte[64];
        return anchor.KeyId == KeyIdOf(publicKey)
            && Convert.TryFromBase64String(anchor.Signature, signature, out var length)
            && publicKey.VerifyData(Payload(anchor), signature[..length], HashAlgorithmName.SHA256);
    }

    public static string KeyIdOf(ECDsa key) => SigningKeyIds.Of(key);

    /// <summary>The signed text: a versioned label and the seal's identity, one field per line.</summary>
    public static byte[] Payload(LedgerAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        return Encoding.UTF8.GetBytes(string.Join('\n',
            "agencyhub-ledger-anchor/1",
            anchor.SealNumber.ToString(CultureInfo.InvariantCulture),
            anchor.FirstSequence.ToString(CultureInfo.InvariantCulture),
            anchor.LastSequence.ToString(CultureInfo.InvariantCulture),
            anchor.ChainHash,
            anchor.SealedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            anchor.KeyId));
    }

    public void Dispose() => _key.Dispose();
}
