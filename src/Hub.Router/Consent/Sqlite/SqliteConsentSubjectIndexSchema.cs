namespace Hub.Router.Consent.Sqlite;

/// <summary>
/// The embedded registry's subject index, the twin of <c>ledger_subjects</c>: one (pseudonym, consent) row per pseudonym
/// of each consent record, written by a trigger in the inserting statement's transaction, and filled once for records
/// made before it.
/// </summary>
internal static class SqliteConsentSubjectIndexSchema
{
    public const string Sql = """

        BEGIN IMMEDIATE;
        CREATE TABLE IF NOT EXISTS consent_subjects (
            pseudonym TEXT NOT NULL, consent_id TEXT NOT NULL, PRIMARY KEY (pseudonym, consent_id)) WITHOUT ROWID;

        CREATE TRIGGER IF NOT EXISTS consent_subjects_insert AFTER INSERT ON consent_records
        BEGIN INSERT OR IGNORE INTO consent_subjects (pseudonym, consent_id) SELECT value, NEW.consent_id FROM json_each(NEW.subject_pseudonyms); END;

        INSERT OR IGNORE INTO consent_subjects (pseudonym, consent_id)
        SELECT p.value, c.consent_id FROM consent_records c, json_each(c.subject_pseudonyms) p
        WHERE NOT EXISTS (SELECT 1 FROM consent_subjects s WHERE s.consent_id = c.consent_id);

        COMMIT;

        """;
}
