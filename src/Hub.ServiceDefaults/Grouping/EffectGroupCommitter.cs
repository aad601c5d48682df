namespace Hub.ServiceDefaults.Grouping;

/// <summary>
/// A <see cref="GroupCommitter{TRequest, TResult}"/> for effects without a result (an adapter's renames, inserts or
/// dedupe records): a caller's <see cref="CommitAsync"/> completes once the group holding its item is durable, and a
/// failed group is retried item by item, so one bad item fails alone.
/// </summary>
public sealed class EffectGroupCommitter<T>(Func<IReadOnlyList<T>, CancellationToken, Task> commit, int maxGroup = 1024) : IDisposable
{
    private readonly GroupCommitter<T, bool> _inner = new(
        async (items, cancellationToken) =>
        {
            await commit(items, cancellationToken);
            return new bool[items.Count];
        },
        maxGroup,
        isolate: _ => true);

    public Task CommitAsync(T item, CancellationToken cancellationToken) => _inner.SubmitAsync(item, cancellationToken);

    /// <summary>Commits what is queued, then stops.</summary>
    public void Dispose() => _inner.Dispose();
}
