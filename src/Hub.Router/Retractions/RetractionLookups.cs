using Hub.Contracts.Agencies;
using Hub.Router.Configuration;
using Hub.ServiceDefaults.Grouping;
using Microsoft.Extensions.Options;

namespace Hub.Router.Retractions;

/// <summary>
/// Retraction register look-ups for the events being decided at once: the (source, event id) pairs submitted while
/// the previous query ran are read together, in one query. A retraction registered before a look-up is submitted is seen by it.
/// </summary>
public sealed class RetractionLookups : IAsyncDisposable
{
    private readonly GroupCommitter<(string Source, Guid EventId), IReadOnlyList<RetractedEvent>> _lookups;

    public RetractionLookups(IRetractionRegister register, IOptions<RouterOptions> options)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(options);
        _lookups = new GroupCommitter<(string Source, Guid EventId), IReadOnlyList<RetractedEvent>>(
            async (keys, cancellationToken) =>
            {
                var found = (await register.FindRetractedAsync([.. keys.Distinct()], cancellationToken)).ToLookup(r => (r.Source, r.EventId));
                return [.. keys.Select(key => (IReadOnlyList<RetractedEvent>)[.. found[key]])];
            },
            options.Value.LedgerGroupLimit,
            isolate: _ => false);
    }

    /// <summary>The retractions that name this event of this type from this source, earliest first; empty when none does.</summary>
    public async Task<IReadOnlyList<RetractedEvent>> FindAsync(AgencyCode source, Guid eventId, string eventType, CancellationToken cancellationToken) =>
        [.. (await _lookups.SubmitAsync((source.Value, eventId), cancellationToken)).Where(r => string.Equals(r.EventType, eventType, StringComparison.Ordinal))];

    public ValueTask DisposeAsync() => _lookups.DisposeAsync();
}
