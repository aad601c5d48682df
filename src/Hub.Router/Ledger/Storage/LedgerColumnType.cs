namespace Hub.Router.Ledger.Storage;

/// <summary>The value kinds of ledger columns; each store maps them to its own storage (Postgres types, SQLite text).</summary>
public enum LedgerColumnType
{
    Uuid,
    Timestamp,
    Text,
    Number,
    TextList,
}
