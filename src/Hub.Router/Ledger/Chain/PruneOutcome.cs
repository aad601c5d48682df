namespace Hub.Router.Ledger.Chain;

/// <summary>The pruning record appended (null when nothing was old enough, or the chain did not verify) and the verification that preceded it.</summary>
public sealed record PruneOutcome(LedgerPrune? Record, ChainVerification Verification);
