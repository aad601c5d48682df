using System.Security.Cryptography;
using System.Text;
using Hub.Contracts.Agencies;
using Hub.Contracts.Subjects;
using Hub.Router.Configuration;
using Microsoft.Extensions.Options;

namespace Hub.Router.Ledger;

/// <summary>
/// Keyed hashes (HMAC-SHA256) of subject identifiers: the same person gets the same pseudonym, so per-subject
/// reports work, but the ledger never holds an identifier and nobody without the key can test a guess.
/// </summary>
public sealed class SubjectPseudonymiser
{
    private readonly byte[] _key;

    public SubjectPseudonymiser(IOptions<LedgerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = Convert.FromBase64String(options.Value.SubjectKey ?? throw new InvalidOperationException("Ledger:SubjectKey is not configured."));
        KeyId = SubjectKeyIds.Of(_key);
    }

    /// <summary>The key's id (<see cref="SubjectKeyIds"/>), recorded on every ledger row whose pseudonyms this key made.</summary>
    public string KeyId { get; }

    /// <param name="source">The agency that issued the event: local ids mean something only within their agency.</param>
    public IReadOnlyList<string> Pseudonymise(SubjectIdentifiers? subject, AgencyCode source)
    {
        if (subject is null)
        {
            return [];
        }

        var result = new List<string>(4);
        Add(result, "nhs", subject.NhsNumber);
        Add(result, "pnc", subject.PncId);
        Add(result, "nino", subject.Nino);
        Add(result, "local." + source.Value, subject.LocalId);
        return result;
    }

    public string Pseudonym(string scheme, string value)
    {
        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{scheme}:{value.Trim().ToUpperInvariant()}"));
        return $"{scheme}:{Convert.ToHexStringLower(hash)[..32]}";
    }

    private void Add(List<string> result, string scheme, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            result.Add(Pseudonym(scheme, value));
        }
    }
}
