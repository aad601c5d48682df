using System.Security.Cryptography;

namespace Hub.Contracts.Signing;

/// <summary>Signs with one participant's (or the router's) ECDSA P-256 private key (PEM, PKCS#8 or SEC1).</summary>
public sealed class MessageSigner : IDisposable
{
    private readonly ECDsa _key;

    public MessageSigner(ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (privateKey.KeySize != 256)
        {
            throw new ArgumentException("A signing key must be an ECDSA P-256 key.", nameof(privateKey));
        }

        _key = privateKey;
        KeyId = SigningKeyIds.Of(privateKey);
    }

    public string KeyId { get; }

    public static MessageSigner FromPemFile(string path)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return new MessageSigner(key);
    }

    public string Sign(object message, Type type) => SignData(EventSignature.Payload(message, type));

    /// <summary>Base64 of the IEEE P1363 signature over SHA-256 of <paramref name="payload"/>.</summary>
    public string SignData(byte[] payload) => Convert.ToBase64String(_key.SignData(payload, HashAlgorithmName.SHA256));

    public void Dispose() => _key.Dispose();
}
