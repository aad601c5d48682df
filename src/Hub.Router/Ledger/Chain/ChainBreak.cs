namespace Hub.Router.Ledger.Chain;

/// <summary>The first broken link: the seal, the seq range it covers, the failed check and what was found.</summary>
public sealed record ChainBreak(long SealNumber, long FirstSequence, long LastSequence, ChainCheck Check, string Detail);
