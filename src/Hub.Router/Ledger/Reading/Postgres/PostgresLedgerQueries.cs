using Hub.Router.Ledger.Storage;
namespace Hub.Router.Ledger.Reading.Postgres;

/// <summary>
/// The SQL of the audit reads, public so that tests and the ledger benchmark EXPLAIN exactly what the commands run.
/// </summary>
public static class PostgresLedgerQueries
{
    /// <summary>
    /// One page of the row stream: a range of seq read through the primary key in order. <c>LIMIT</c> keeps the plan an
    /// index range scan however large the ledger (without it, the planner may sort the whole table instead).
    /// </summary>
    public static readonly string RowsAfter = $"SELECT {LedgerRowCodec.SelectList} FROM ledger_entries WHERE seq > $1 ORDER BY seq LIMIT $2";

    /// <summary>
    /// A person's decision rows. <c>subject_pseudonyms &amp;&amp; $1::text[]</c> (overlap) is an operator of the GIN
    /// index <c>ledger_entries_subject</c>, so the plan is a bitmap scan of that index, never a scan of the ledger.
    /// </summary>
    public static readonly string SubjectDecisions = $"SELECT {LedgerRowCodec.SelectList} FROM ledger_entries WHERE subject_pseudonyms && $1::text[] AND kind = 'decision' ORDER BY seq";

    /// <summary>The consents recorded for the person: the same overlap on the GIN index <c>consent_records_subject</c>.</summary>
    public const string SubjectConsents = "SELECT consent_id FROM consent_records WHERE subject_pseudonyms && $1::text[]";

    /// <summary>
    /// The recalls of any cause that name any of the person's deliveries, with all their deliveries: the index
    /// <c>recall_deliveries_delivery</c> finds the recalls, the primary key of <c>recall_deliveries</c> their other deliveries.
    /// </summary>
    public const string RecallsOfDeliveries = Consent.Postgres.PostgresConsentStore.RecallSelect + """
         WHERE r.recall_id IN (SELECT recall_id FROM recall_deliveries WHERE delivery_id = ANY($1::uuid[]))
        ORDER BY r.requested_at, r.recall_id, d.delivery_id
        """;
}
