namespace Hub.Router.Ledger.Storage;

/// <summary>
/// One column of <c>ledger_entries</c> as every store writes and reads it. <paramref name="AddedLater"/> marks a column
/// added after the first release: each store adds it to a ledger made before it (nullable, lists default to empty).
/// </summary>
public sealed record LedgerColumn(string Name, LedgerColumnType Type, bool AddedLater = false);
