namespace Hub.Router.Consent;

/// <summary>
/// The consent registry (architecture §6), beside the ledger: Postgres in production, the same SQLite file in the
/// embedded run. Every table is insert-only; the ledger is only read. The recalls that follow a withdrawal are the
/// recall store's (<see cref="Recalls.IRecallStore"/>), which the same class implements.
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
}
