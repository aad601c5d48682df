using Hub.Adapters.Core.Delivery;

namespace Hub.Adapters.Core.Tests.Support;

/// <summary>
/// A deduplicator whose record step waits for the test: it notes what <see cref="AtRecord"/> observes when the
/// record begins, then holds until <see cref="Release"/>, so a test can look at the world between effect and record.
/// </summary>
public sealed class GatedDeduplicator(Func<Guid, bool> atRecord) : IDeliveryDeduplicator
{
    private readonly MemoryDeliveryDeduplicator _inner = new();

    public TaskCompletionSource Recording { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What <c>atRecord</c> said when the record began.</summary>
    public bool? AtRecord { get; private set; }

    public ValueTask<bool> TryBeginAsync(Guid deliveryId, CancellationToken cancellationToken) => _inner.TryBeginAsync(deliveryId, cancellationToken);

    public ValueTask AbandonAsync(Guid deliveryId, CancellationToken cancellationToken) => _inner.AbandonAsync(deliveryId, cancellationToken);

    public async ValueTask CompleteAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        AtRecord = atRecord(deliveryId);
        Recording.TrySetResult();
        await Release.Task;
        await _inner.CompleteAsync(deliveryId, cancellationToken);
    }
}
