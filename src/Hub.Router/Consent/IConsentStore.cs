using Hub.Contracts.Agencies;
using Hub.Contracts.Health.V1;
using Hub.Router.Recalls;

namespace Hub.Router.Consent;

/// <summary>
/// The consent registry and the recalls that follow withdrawals (architecture §6), beside the ledger: Postgres in
/// production, the same SQLite file in the embedded run. Every table is insert-only; the ledger is only read.
/// </summary>
public interface IConsentStore
{
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<ConsentRegistration> RecordAsync(ConsentRecord record, CancellationToken cancellationToken);

    /// <summary>The consents registered under these ids, each with its withdrawal if any; ids not registered are absent.</summary>
    Task<IReadOnlyDictionary<string, ConsentRecord>> FindManyAsync(IReadOnlyCollection<string> consentIds, CancellationToken cancellationToken);

    /// <summary>Registers a withdrawal; a consent is withdrawn once, so a second withdrawal changes nothing.</summary>
    Task WithdrawAsync(ConsentWithdrawal withdrawal, CancellationToken cancellationToken);

    /// <summary>Keeps a withdrawal of a consent not recorded yet; the same withdrawal event again changes nothing.</summary>
    Task KeepEarlyWithdrawalAsync(EarlyWithdrawal withdrawal, CancellationToken cancellationToken);

    /// <summary>Withdrawals kept for this consent before it was recorded, earliest first.</summary>
    Task<IReadOnlyList<EarlyWithdrawal>> EarlyWithdrawalsAsync(string consentId, CancellationToken cancellationToken);

    /// <summary>Every consent recorded for anyone with one of these pseudonyms.</summary>
    Task<IReadOnlyList<ConsentRecord>> ForSubjectAsync(IReadOnlyCollection<string> pseudonyms, CancellationToken cancellationToken);

    /// <summary>
    /// If the consent is withdrawn, opens a recall per recipient for every consent-based delivery under it not yet
    /// named by a recall; then returns the consent's recalls not yet acknowledged (to send, or send again).
    /// Idempotent, and safe to call concurrently for the same consent.
    /// </summary>
    Task<IReadOnlyList<RecallNotice>> SyncRecallsAsync(string consentId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records the recalls a source's retraction calls for (<see cref="RetractionPlanner"/> over the ledger's allowed
    /// deliveries of the retracted events from that source, docs/adr/0020); then returns the retraction's recalls not
    /// yet acknowledged (to send, or send again). Idempotent. Acknowledgements go through <see cref="AcknowledgeAsync"/>.
    /// </summary>
    Task<IReadOnlyList<RecallNotice>> SyncRetractionRecallsAsync(RecordRetracted retraction, AgencyCode source, DateTimeOffset now, CancellationToken cancellationToken);

    Task<RecallAcknowledgement> AcknowledgeAsync(Guid recallId, string recipient, DateTimeOffset acknowledgedAt, DateTimeOffset receivedAt, int erased, int notHeld, CancellationToken cancellationToken);

    /// <summary>Recalls in the order they were requested: outstanding ones only, or all.</summary>
    Task<IReadOnlyList<RecallNotice>> RecallsAsync(bool includeAcknowledged, CancellationToken cancellationToken);
}
