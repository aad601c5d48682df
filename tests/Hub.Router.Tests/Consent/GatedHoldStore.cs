using Hub.Router.Consent.Holding;

namespace Hub.Router.Tests.Consent;

/// <summary>
/// The router's held-event store with its first <see cref="IHeldEventStore.HoldAsync"/> kept waiting until the test
/// opens the gate: the interleaving where ingress has read the registry (no consent) but has not yet committed the hold.
/// </summary>
public sealed class GatedHoldStore(IHeldEventStore inner) : IHeldEventStore
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _duePasses;

    /// <summary>Completes when a hold is waiting at the gate.</summary>
    public Task Reached => _reached.Task;

    /// <summary>How many release passes have read the due events (each pass reads them once).</summary>
    public int DuePasses => Volatile.Read(ref _duePasses);

    public void Open() => _open.TrySetResult();

    public async Task<bool> HoldAsync(HeldEvent held, CancellationToken cancellationToken)
    {
        _reached.TrySetResult();
        await _open.Task.WaitAsync(cancellationToken);
        return await inner.HoldAsync(held, cancellationToken);
    }

    public Task<HeldEvent?> FindHeldAsync(string source, Guid eventId, CancellationToken cancellationToken) => inner.FindHeldAsync(source, eventId, cancellationToken);

    public async Task<IReadOnlyList<DueHeldEvent>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var due = await inner.DueAsync(now, limit, cancellationToken);
        Interlocked.Increment(ref _duePasses);
        return due;
    }

    public Task ForgetAsync(string source, Guid eventId, CancellationToken cancellationToken) => inner.ForgetAsync(source, eventId, cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);
}
