namespace Hub.Router.Ledger.Sqlite;

/// <summary>
/// The embedded ledger's subject index. Rows store their pseudonyms as a JSON array, which SQLite cannot index, so
/// <c>ledger_subjects</c> holds one (pseudonym, seq) row per pseudonym of each ledger row. Triggers write it inside the
/// statement that inserts the ledger row, so in the same transaction, with no change to the store's write path; they
/// also drop a row's entries when pruning deletes the row. A ledger made before the table gets it filled once here
/// (every row above the side table's highest seq), in the same transaction that creates the triggers.
/// The table is derived data: the hash chain does not cover it, and the subject query re-checks each row's own array.
/// </summary>
internal static class SqliteSubjectIndexSchema
{
    public const string Sql = """

        BEGIN IMMEDIATE;
        CREATE TABLE IF NOT EXISTS ledger_subjects (
            pseudonym TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (pseudonym, seq)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ledger_subjects_seq ON ledger_subjects (seq);

        CREATE TRIGGER IF NOT EXISTS ledger_subjects_insert AFTER INSERT ON ledger_entries
        BEGIN INSERT OR IGNORE INTO ledger_subjects (pseudonym, seq) SELECT value, NEW.seq FROM json_each(NEW.subject_pseudonyms); END;

        CREATE TRIGGER IF NOT EXISTS ledger_subjects_delete AFTER DELETE ON ledger_entries
        BEGIN DELETE FROM ledger_subjects WHERE seq = OLD.seq; END;

        INSERT OR IGNORE INTO ledger_subjects (pseudonym, seq)
        SELECT p.value, l.seq FROM ledger_entries l, json_each(l.subject_pseudonyms) p
        WHERE l.seq > (SELECT coalesce(max(seq), 0) FROM ledger_subjects);
        COMMIT;

        """;
}
