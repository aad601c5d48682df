using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Hub.Contracts.Agencies;
using Hub.Contracts.Signing;
using Hub.Router.Configuration;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Hub.Router.Ingress;

/// <summary>
/// Checks an ingress event's signature against its source agency's registered public keys, before anything is
/// decided. Broker credentials prove which queue a message came through; the signature proves the agency's own key
/// made it, so a stolen broker password or a stronger credential cannot inject another agency's events.
/// </summary>
public sealed partial class IngressSignatures(IOptions<SigningOptions> options)
{
    private readonly Dictionary<string, VerificationKeys> _keys = options.Value.Participants
        .Where(p => p.Value.Length > 0)
        .ToDictionary(p => p.Key, p => VerificationKeys.FromPemFiles(p.Value), StringComparer.Ordinal);

    public IReadOnlyCollection<string> SigningAgencies => _keys.Keys;

    /// <summary>Null when the event may be decided: validly signed, or from an agency that has no keys registered.</summary>
    public IngressRejection? Check<TEvent>(AgencyCode source, ConsumeContext<TEvent> context)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_keys.TryGetValue(source.Value, out var keys))
        {
            return null;
        }

        var keyId = context.Headers.Get<string>(EventSignature.KeyIdHeader);
        return keys.Check(context.Message, typeof(TEvent), keyId, context.Headers.Get<string>(EventSignature.SignatureHeader)) switch
        {
            SignatureCheck.Valid => null,
            SignatureCheck.NotSigned => Refuse($"event is not signed, and {source} signs its events"),
            SignatureCheck.UnknownKey => Refuse($"event is signed with {(KeyIdPattern().IsMatch(keyId!) ? "key " + keyId : "a key id that is not one")}, which is not registered for {source}"),
            _ => Refuse($"event's signature does not verify with {source}'s key: it was altered or signed by someone else"),
        };
    }

    /// <summary>
    /// The digest of the signature <see cref="Check"/> accepted, for the ledger; null when the source has no keys
    /// registered (its events are not signed, or not checked).
    /// </summary>
    public EventSignatureDigest? DigestOf(AgencyCode source, ConsumeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var keyId = context.Headers.Get<string>(EventSignature.KeyIdHeader);
        var signature = context.Headers.Get<string>(EventSignature.SignatureHeader);
        var bytes = new byte[96];
        return _keys.ContainsKey(source.Value) && keyId is not null && signature is not null && Convert.TryFromBase64String(signature, bytes, out var length)
            ? new EventSignatureDigest(keyId, Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(0, length))))
            : null;
    }

    private static IngressRejection Refuse(string detail) => new(RejectionCodes.SignatureInvalid, detail);

    [GeneratedRegex("^[0-9a-f]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyIdPattern();
}
