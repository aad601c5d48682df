using Hub.Router.Ledger.Storage;
namespace Hub.Router.Ledger.Reading.Sqlite;

/// <summary>The SQL of the audit reads on the embedded ledger, public so that tests check their query plans.</summary>
public static class SqliteLedgerQueries
{
    /// <summary>The whole ledger after a seq, in rowid order: one forward-only statement.</summary>
    public static readonly string RowsAfter = $"SELECT {LedgerRowCodec.SelectList} FROM ledger_entries WHERE seq > $after ORDER BY seq";

    /// <summary>
    /// A person's decision rows through the side table <c>ledger_subjects</c> (its primary key is (pseudonym, seq)), then
    /// each row by its rowid. The row's own JSON array is checked again, so a stale side row can never add a row.
    /// <c>$pseudonyms</c> is a JSON array.
    /// </summary>
    public static readonly string SubjectDecisions = $"""
        SELECT {LedgerRowCodec.SelectList} FROM ledger_entries
        WHERE seq IN (SELECT s.seq FROM ledger_subjects s WHERE s.pseudonym IN (SELECT value FROM json_each($pseudonyms)))
          AND kind = 'decision'
          AND EXISTS (SELECT 1 FROM json_each(ledger_entries.subject_pseudonyms) p WHERE p.value IN (SELECT value FROM json_each($pseudonyms)))
        ORDER BY seq
        """;

    /// <summary>The same for a ledger file no router has opened since the side table was added: a scan, the only way there.</summary>
    public static readonly string SubjectDecisionsWithoutIndex = $"""
        SELECT {LedgerRowCodec.SelectList} FROM ledger_entries
        WHERE kind = 'decision'
          AND EXISTS (SELECT 1 FROM json_each(ledger_entries.subject_pseudonyms) p WHERE p.value IN (SELECT value FROM json_each($pseudonyms)))
        ORDER BY seq
        """;

    /// <summary>Whether the side table exists.</summary>
    public const string HasSubjectIndex = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'ledger_subjects'";

    /// <summary>The recalls of any cause that name any of the deliveries (a JSON array in <c>$deliveries</c>), with all their deliveries.</summary>
    public const string RecallsOfDeliveries = Consent.Sqlite.SqliteConsentStore.RecallSelect + """
         WHERE r.recall_id IN (SELECT recall_id FROM recall_deliveries WHERE delivery_id IN (SELECT value FROM json_each($deliveries)))
        ORDER BY r.requested_at, r.recall_id, d.delivery_id
        """;
}
