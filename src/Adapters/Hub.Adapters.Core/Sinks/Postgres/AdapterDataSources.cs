using System.Collections.Concurrent;
using Npgsql;

namespace Hub.Adapters.Core.Sinks.Postgres;

/// <summary>
/// One Npgsql data source (connection pool) per connection string for the adapter's own database, shared by the
/// table sink and the deduplicator when they point at the same database, and closed when the host stops.
/// </summary>
public sealed class AdapterDataSources : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<NpgsqlDataSource>> _sources = new(StringComparer.Ordinal);

    public NpgsqlDataSource For(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return _sources.GetOrAdd(connectionString, cs => new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(cs))).Value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources.Values.Where(s => s.IsValueCreated))
        {
            await source.Value.DisposeAsync();
        }

        _sources.Clear();
    }
}
