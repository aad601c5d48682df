using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hub.Contracts.Signing;
using Hub.Router.Ledger.Chain;

namespace Hub.Router.Ledger.Anchors;

/// <summary>
/// Signs and checks anchors with the hub's one signature scheme (ECDSA P-256, <see cref="MessageSigner"/>) over a
/// versioned text of the seal's identity; key ids let a verifier hold several keys across a rotation.
/// </summary>
public sealed class LedgerAnchorSigner(MessageSigner key) : IDisposable
{
    public string KeyId => key.KeyId;

    /// <summary>Reads a PEM private key (PKCS#8 or SEC1), as <c>openssl ecparam -name prime256v1 -genkey</c> writes.</summary>
    public static LedgerAnchorSigner FromPemFile(string path) => new(MessageSigner.FromPemFile(path));

    public LedgerAnchor Sign(LedgerSeal seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var unsigned = new LedgerAnchor(seal.Number, seal.FirstSequence, seal.LastSequence, seal.ChainHash, seal.SealedAt, KeyId, string.Empty);
        return unsigned with { Signature = key.SignData(Payload(unsigned)) };
    }

    /// <summary>Whether one of <paramref name="keys"/> signed the anchor, found by its key id.</summary>
    public static SignatureCheck Verify(LedgerAnchor anchor, VerificationKeys keys)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(keys);
        return keys.CheckData(() => Payload(anchor), anchor.KeyId, anchor.Signature);
    }

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

    public void Dispose() => key.Dispose();
}
