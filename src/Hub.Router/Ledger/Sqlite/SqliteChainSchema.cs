namespace Hub.Router.Ledger.Sqlite;

/// <summary>
/// The seal and pruning tables of the embedded ledger, and triggers that keep the ledger and its seals append-only:
/// no update ever, and deletion only of rows a pruning record already covers. SQLite has no roles, so anyone with
/// the file can drop the triggers; the hash chain is what detects that.
/// </summary>
internal static class SqliteChainSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS ledger_seals (
            seal_no INTEGER PRIMARY KEY, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL, row_count INTEGER NOT NULL,
            encoding_version INTEGER NOT NULL, previous_hash TEXT NOT NULL, chain_hash TEXT NOT NULL, content_digest TEXT NOT NULL,
            sealed_at TEXT NOT NULL);

        CREATE TABLE IF NOT EXISTS ledger_prunes (
            prune_no INTEGER PRIMARY KEY, through_seal INTEGER NOT NULL, through_seq INTEGER NOT NULL, anchor_hash TEXT NOT NULL,
            rows_pruned INTEGER NOT NULL, cutoff TEXT NOT NULL, pruned_at TEXT NOT NULL);

        CREATE TABLE IF NOT EXISTS ledger_anchor_exports (
            sink_id TEXT NOT NULL, through_seal INTEGER NOT NULL, exported_at TEXT NOT NULL, PRIMARY KEY (sink_id, through_seal));

        CREATE TRIGGER IF NOT EXISTS ledger_entries_no_update BEFORE UPDATE ON ledger_entries
        BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;

        CREATE TRIGGER IF NOT EXISTS ledger_entries_prune_only BEFORE DELETE ON ledger_entries
        WHEN OLD.seq > coalesce((SELECT max(through_seq) FROM ledger_prunes), -9223372036854775808)
        BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only: only rows a pruning record covers may be deleted'); END;

        CREATE TRIGGER IF NOT EXISTS ledger_seals_no_update BEFORE UPDATE ON ledger_seals
        BEGIN SELECT RAISE(ABORT, 'ledger_seals is append-only'); END;

        CREATE TRIGGER IF NOT EXISTS ledger_seals_no_delete BEFORE DELETE ON ledger_seals
        BEGIN SELECT RAISE(ABORT, 'ledger_seals is append-only'); END;
        """;
}
