using Hub.Router.Configuration;
using Hub.ServiceDefaults.Grouping;
using Microsoft.Extensions.Options;

namespace Hub.Router.Consent;

/// <summary>
/// Consent registry look-ups for the events being decided at once: the ids cited while the previous query ran are
/// read together, in one query (issue 11). A consent registered before a look-up is submitted is seen by it.
/// </summary>
public sealed class ConsentLookups : IAsyncDisposable
{
    private readonly GroupCommitter<string, ConsentRecord?> _lookups;

    public ConsentLookups(IConsentStore store, IOptions<RouterOptions> options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _lookups = new GroupCommitter<string, ConsentRecord?>(
            async (ids, cancellationToken) =>
            {
                var found = await store.FindManyAsync([.. ids.Distinct(StringComparer.Ordinal)], cancellationToken);
                return [.. ids.Select(id => found.GetValueOrDefault(id))];
            },
            options.Value.LedgerGroupLimit,
            isolate: _ => false);
    }

    public Task<ConsentRecord?> FindAsync(string consentId, CancellationToken cancellationToken) => _lookups.SubmitAsync(consentId, cancellationToken);

    public ValueTask DisposeAsync() => _lookups.DisposeAsync();
}
