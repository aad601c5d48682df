namespace Hub.Router.Ledger;

/// <summary>One request to the <see cref="LedgerGroupWriter"/>: an event's batch, or sent marks to record with the next group.</summary>
public sealed record LedgerWrite(DecisionBatch? Batch, IReadOnlyList<SentMark> Sent);
