using Hub.Router.Recalls;

namespace Hub.Router.Tests.Metrics;

/// <summary>A recall store that only lists recalls: what the recall gauges read.</summary>
internal sealed class RecallStoreFake(IReadOnlyList<RecallNotice> outstanding) : IRecallStore
{
    public bool Fail { get; set; }

    public Task<IReadOnlyList<RecallNotice>> RecallsAsync(bool includeAcknowledged, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException("store unreachable") : Task.FromResult(outstanding);

    public Task<IReadOnlyList<RecallNotice>> SyncRecallsAsync(RecallCause cause, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<RecallAcknowledgement> AcknowledgeAsync(Guid recallId, string recipient, DateTimeOffset acknowledgedAt, DateTimeOffset receivedAt, int erased, int notHeld, CancellationToken cancellationToken) => throw new NotSupportedException();
}
