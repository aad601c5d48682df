using Hub.Router.Consent;
using Hub.Router.Consent.Postgres;
using Hub.Router.Recalls;
using Npgsql;

namespace Hub.LedgerBench.Generate;

/// <summary>
/// The registry beside the ledger, through the router's own consent store: a consent per person, the person of
/// interest's two (one withdrawn, its recalls opened from the ledger and acknowledged), and withdrawals with recalls
/// for some other people, so the report's recall look-up runs against a table that is not empty.
/// </summary>
public static class ConsentLoader
{
    /// <returns>The recalls opened.</returns>
    public static async Task<int> LoadAsync(NpgsqlDataSource dataSource, Population population, int withdrawnOthers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(population);
        var store = new PostgresConsentStore(dataSource);
        var given = RowFactory.Start.AddDays(-30);
        for (var s = 0; s < population.Count; s++)
        {
            await store.RecordAsync(Consent(LedgerPlan.ConsentOf(s), population.BySourceAndSubject[s * Population.Agencies.Length], given), cancellationToken);
        }

        var interest = population.InterestBySource.SelectMany(p => p).Distinct().ToArray();
        await store.RecordAsync(Consent(LedgerPlan.InterestWithdrawnConsent, interest, given), cancellationToken);
        await store.RecordAsync(Consent(LedgerPlan.InterestActiveConsent, interest, given), cancellationToken);

        var withdrawnAt = RowFactory.Start.AddDays(3 * 365);
        var consents = new[] { LedgerPlan.InterestWithdrawnConsent }.Concat(Enumerable.Range(0, Math.Min(withdrawnOthers, population.Count)).Select(LedgerPlan.ConsentOf));
        var recalls = 0;
        foreach (var consent in consents)
        {
            await store.WithdrawAsync(new ConsentWithdrawal(consent, withdrawnAt, withdrawnAt, Guid.NewGuid(), withdrawnAt), cancellationToken);
            foreach (var recall in await store.SyncRecallsAsync(RecallCause.ForConsent(consent), withdrawnAt, cancellationToken))
            {
                recalls++;
                await store.AcknowledgeAsync(recall.RecallId, recall.Recipient, withdrawnAt.AddHours(2), withdrawnAt.AddHours(2), recall.Deliveries.Count, 0, cancellationToken);
            }
        }

        return recalls;
    }

    private static ConsentRecord Consent(string id, IReadOnlyList<string> pseudonyms, DateTimeOffset given) => new()
    {
        ConsentId = id,
        RecordedBy = "probation",
        Purposes = ["resettlement", "continuity-of-care"],
        Recipients = ["jcp", "nhs", "council"],
        GivenAt = given,
        EvidenceRef = "EVIDENCE-" + id,
        SubjectPseudonyms = pseudonyms,
        EventId = Guid.NewGuid(),
        RegisteredAt = given,
        ContentHash = id,
    };
}
