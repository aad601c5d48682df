using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Contracts.Envelope;
using Hub.Router.Configuration;
using Hub.Sharing.Provenance;
using Hub.Sharing.Vocabulary;
using Microsoft.Extensions.Options;

namespace Hub.Router.Provenance;

/// <summary>
/// Keyed fingerprints linking a value the hub delivered to the same value coming back (docs/adr/0016):
/// HMAC-SHA256 under a key derived from <c>Ledger:SubjectKey</c> of (agency, subject pseudonym, value). The agency is
/// the recipient when marking and the source when probing, so only the agency that received a value can carry it back.
/// Every scalar leaf of every field counts, at any depth, so a value moved into another field or another event type
/// is still found; booleans and one-character values (a single digit or letter) are too common to be evidence and are skipped. Subjects are
/// matched by their national identifiers (NHS number, PNC id, NINo): a local id means something to one agency only.
/// </summary>
public sealed class ProvenanceFingerprints
{
    private const string EnvelopeProperty = "envelope";
    private const string SubjectProperty = "subject";
    private readonly byte[] _key;

    public ProvenanceFingerprints(IOptions<LedgerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var subjectKey = Convert.FromBase64String(options.Value.SubjectKey ?? throw new InvalidOperationException("Ledger:SubjectKey is not configured."));
        _key = HMACSHA256.HashData(subjectKey, "agencyhub provenance fingerprints v1"u8);
    }

    /// <summary>Fingerprints of every value <paramref name="agency"/>'s event carries about the subject, with the field holding each.</summary>
    public IReadOnlyList<ProvenanceProbe> Probe(string agency, IReadOnlyList<string> subjectPseudonyms, JsonElement @event)
    {
        var subjects = National(subjectPseudonyms);
        if (subjects.Count == 0 || @event.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var probes = new List<ProvenanceProbe>();
        foreach (var property in @event.EnumerateObject())
        {
            if (property.NameEquals(EnvelopeProperty) || property.NameEquals(SubjectProperty))
            {
                continue;
            }

            foreach (var value in Leaves(property.Value))
            {
                probes.AddRange(subjects.Select(subject => new ProvenanceProbe(Fingerprint(agency, subject, value), property.Name)));
            }
        }

        return probes;
    }

    /// <summary>Fingerprints of the values of <paramref name="fields"/> in a delivered payload, as (field, fingerprint) pairs.</summary>
    private IEnumerable<(string Field, string Fingerprint)> Mark(string recipient, IReadOnlyList<string> subjectPseudonyms, JsonElement payload, IReadOnlyCollection<string> fields)
    {
        var subjects = National(subjectPseudonyms);
        if (subjects.Count == 0 || payload.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in payload.EnumerateObject())
        {
            if (property.NameEquals(SubjectProperty) || !fields.Contains(property.Name))
            {
                continue;
            }

            foreach (var value in Leaves(property.Value))
            {
                foreach (var subject in subjects)
                {
                    yield return (property.Name, Fingerprint(recipient, subject, value));
                }
            }
        }
    }

    /// <summary>
    /// The marks one delivery leaves (docs/adr/0016): every released value under the gateway the event asserts, when the
    /// vocabulary knows it, and under each gateway a released field already inherited, so the limit follows the value
    /// through every further hop.
    /// </summary>
    public IReadOnlyList<ProvenanceMark> MarksFor(
        string recipient, IReadOnlyList<string> subjectPseudonyms, JsonElement payload, IReadOnlyCollection<string> released,
        string source, Guid eventId, DateTimeOffset at, ConsentTag consent, IReadOnlyList<InheritedRestriction> inherited)
    {
        var asserted = Gateways.Find(consent.LegalGateway);
        if (asserted is null && inherited.Count == 0)
        {
            return [];
        }

        var marks = new List<ProvenanceMark>();
        foreach (var (field, fingerprint) in Mark(recipient, subjectPseudonyms, payload, released))
        {
            if (asserted is not null)
            {
                marks.Add(new ProvenanceMark(fingerprint, asserted.Id, consent.CollectionPurpose, source, eventId, field, at));
            }

            foreach (var limit in inherited.Where(l => string.Equals(l.Field, field, StringComparison.Ordinal)))
            {
                marks.Add(new ProvenanceMark(fingerprint, limit.Gateway, limit.OriginPurpose, limit.OriginSource, eventId, field, limit.ObtainedAt));
            }
        }

        return marks;
    }

    private static List<string> National(IReadOnlyList<string> pseudonyms) =>
        [.. pseudonyms.Where(p => !p.StartsWith("local.", StringComparison.Ordinal))];

    private static IEnumerable<string> Leaves(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!.Trim();
                if (text.Length > 1)
                {
                    yield return "s:" + text.ToUpperInvariant();
                }

                break;
            case JsonValueKind.Number:
                var digits = value.TryGetDecimal(out var number) ? number.ToString("G29", CultureInfo.InvariantCulture) : value.GetRawText();
                if (digits.Length > 1)
                {
                    yield return "n:" + digits;
                }

                break;
            case JsonValueKind.Array:
                foreach (var leaf in value.EnumerateArray().SelectMany(Leaves))
                {
                    yield return leaf;
                }

                break;
            case JsonValueKind.Object:
                foreach (var leaf in value.EnumerateObject().SelectMany(p => Leaves(p.Value)))
                {
                    yield return leaf;
                }

                break;
        }
    }

    private string Fingerprint(string agency, string subject, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{agency}\n{subject}\n{value}")));
}
