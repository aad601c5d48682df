namespace Hub.Router.Ledger.Storage;

/// <summary>One column of <c>ledger_entries</c> as every store writes and reads it.</summary>
public sealed record LedgerColumn(string Name, LedgerColumnType Type);
