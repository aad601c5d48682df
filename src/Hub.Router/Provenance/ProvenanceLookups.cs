using System.Text.Json;
using Hub.Router.Configuration;
using Hub.Router.Ledger;
using Hub.ServiceDefaults.Grouping;
using Hub.Sharing.Provenance;
using Microsoft.Extensions.Options;

namespace Hub.Router.Provenance;

/// <summary>
/// Finds, for the events being decided at once, which of their values their source first received from the hub under a
/// restricted gateway (docs/adr/0016): one query for the fingerprints of every event submitted while the previous one
/// ran. A mark committed before a look-up is submitted is seen by it.
/// </summary>
public sealed class ProvenanceLookups : IAsyncDisposable
{
    private readonly GroupCommitter<IReadOnlyList<ProvenanceProbe>, IReadOnlyList<InheritedRestriction>> _lookups;

    private readonly ProvenanceFingerprints _fingerprints;

    public ProvenanceLookups(ILedgerStore store, ProvenanceFingerprints fingerprints, IOptions<RouterOptions> options)
    {
        _fingerprints = fingerprints ?? throw new ArgumentNullException(nameof(fingerprints));
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _lookups = new GroupCommitter<IReadOnlyList<ProvenanceProbe>, IReadOnlyList<InheritedRestriction>>(
            async (events, cancellationToken) =>
            {
                var fingerprints = events.SelectMany(e => e.Select(p => p.Fingerprint)).ToHashSet(StringComparer.Ordinal);
                var marks = (await store.FindProvenanceAsync(fingerprints, cancellationToken)).ToLookup(m => m.Fingerprint, StringComparer.Ordinal);
                return [.. events.Select(probes => Restrictions(probes, marks))];
            },
            options.Value.LedgerGroupLimit,
            isolate: _ => false);
    }

    /// <summary>
    /// The inherited limits on the fields of <paramref name="source"/>'s event; empty, without a query, when the event
    /// names no subject by a national identifier or holds no value worth probing.
    /// </summary>
    public Task<IReadOnlyList<InheritedRestriction>> InheritedAsync(string source, IReadOnlyList<string> subjectPseudonyms, JsonElement @event, CancellationToken cancellationToken)
    {
        var probes = _fingerprints.Probe(source, subjectPseudonyms, @event);
        return probes.Count == 0 ? Task.FromResult<IReadOnlyList<InheritedRestriction>>([]) : _lookups.SubmitAsync(probes, cancellationToken);
    }

    public ValueTask DisposeAsync() => _lookups.DisposeAsync();

    private static IReadOnlyList<InheritedRestriction> Restrictions(IReadOnlyList<ProvenanceProbe> probes, ILookup<string, ProvenanceMark> marks) =>
    [
        .. probes
            .SelectMany(p => marks[p.Fingerprint].Select(m => new InheritedRestriction(p.Field, m.Gateway, m.OriginPurpose, m.OriginSource, m.ObtainedAt)))
            .DistinctBy(r => (r.Field, r.Gateway, r.OriginPurpose))
            .OrderBy(r => r.Field, StringComparer.Ordinal).ThenBy(r => r.ObtainedAt),
    ];
}
