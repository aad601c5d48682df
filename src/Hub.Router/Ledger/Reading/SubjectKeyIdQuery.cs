namespace Hub.Router.Ledger.Reading;

/// <summary>
/// The distinct subject key ids in the ledger, found as a loose index scan: each step seeks the next id above the last
/// in the index <c>ledger_entries_subject_key</c>, so the cost grows with the number of keys ever used, not of rows.
/// The same SQL runs on Postgres and SQLite.
/// </summary>
public static class SubjectKeyIdQuery
{
    public const string Sql = """
        WITH RECURSIVE ids(k) AS (
            SELECT min(subject_key_id) FROM ledger_entries
            UNION ALL
            SELECT (SELECT min(subject_key_id) FROM ledger_entries WHERE subject_key_id > ids.k) FROM ids WHERE ids.k IS NOT NULL)
        SELECT k FROM ids WHERE k IS NOT NULL
        """;
}
