using System.Data.Common;
using Hub.Router.Consent;

namespace Hub.Cli.Commands.Rules.Replay;

/// <summary>
/// The consent registry records the replayed events cite, read in one go from the ledger's own database. When the
/// registry cannot be read (a ledger file from before it), <see cref="Readable"/> is false and a replay reports a
/// decision that needs a consent as unknown rather than guess.
/// </summary>
internal sealed class ReplayConsents(IReadOnlyDictionary<string, ConsentRecord> records, bool readable)
{
    public bool Readable { get; } = readable;

    public ConsentRecord? Find(string consentRef) => records.GetValueOrDefault(consentRef);

    public static async Task<ReplayConsents> ReadAsync(IConsentStore store, IEnumerable<RecordedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var ids = events.Select(e => e.First.ConsentRef).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, ConsentRecord>(StringComparer.Ordinal);
        try
        {
            foreach (var chunk in ids.Chunk(1000))
            {
                foreach (var (id, record) in await store.FindManyAsync(chunk, cancellationToken))
                {
                    found[id] = record;
                }
            }
        }
        catch (DbException)
        {
            return new ReplayConsents(found, readable: false);
        }

        return new ReplayConsents(found, readable: true);
    }
}
