using Hub.Router.Consent;
using Hub.Router.Recalls;

namespace Hub.Router.Tests.Metrics;

/// <summary>A consent store that only lists recalls: what the recall gauges read.</summary>
internal sealed class RecallStoreFake(IReadOnlyList<RecallNotice> outstanding) : IConsentStore
{
    public bool Fail { get; set; }

    public Task<IReadOnlyList<RecallNotice>> RecallsAsync(bool includeAcknowledged, CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException("store unreachable") : Task.FromResult(outstanding);

    public Task InitializeAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ConsentRegistration> RecordAsync(ConsentRecord record, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, ConsentRecord>> FindManyAsync(IReadOnlyCollection<string> consentIds, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task WithdrawAsync(ConsentWithdrawal withdrawal, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task KeepEarlyWithdrawalAsync(EarlyWithdrawal withdrawal, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<EarlyWithdrawal>> EarlyWithdrawalsAsync(string consentId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ConsentRecord>> ForSubjectAsync(IReadOnlyCollection<string> pseudonyms, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<RecallNotice>> SyncRecallsAsync(string consentId, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<RecallNotice>> SyncRetractionRecallsAsync(Hub.Contracts.Health.V1.RecordRetracted retraction, Hub.Contracts.Agencies.AgencyCode source, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<RecallAcknowledgement> AcknowledgeAsync(Guid recallId, string recipient, DateTimeOffset acknowledgedAt, DateTimeOffset receivedAt, int erased, int notHeld, CancellationToken cancellationToken) => throw new NotSupportedException();
}
