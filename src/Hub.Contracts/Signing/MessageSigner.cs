using System.Security.Cryptography;

namespace Hub.Contracts.Signing;

/// <summary>Signs messages with one participant's ECDSA P-256 private key (PEM, PKCS#8 or SEC1).</summary>
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

    public string Sign(object message, Type type) => Convert.ToBase64String(_key.SignData(EventSignature.Payload(message, type), HashAlgorithmName.SHA256));

    public void Dispose() => _key.Dispose();
}
