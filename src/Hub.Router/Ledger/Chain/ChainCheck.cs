namespace Hub.Router.Ledger.Chain;

/// <summary>Which check of the chain failed first.</summary>
public enum ChainCheck
{
    /// <summary>A row's content differs from what was sealed.</summary>
    ContentChanged,

    /// <summary>Fewer rows in the seal's range than it sealed, or its first or last row is gone.</summary>
    RowMissing,

    /// <summary>More rows in the seal's range than it sealed, or a row in a pruned range.</summary>
    RowAdded,

    /// <summary>The same contents, in a different order.</summary>
    OrderChanged,

    /// <summary>A seal's previous hash is not the chain hash before it: a seal was altered, removed or inserted.</summary>
    LinkBroken,

    /// <summary>Seal numbers are not consecutive.</summary>
    SealMissing,

    /// <summary>The pruning record's anchor hash is not the chain hash of the seal it names.</summary>
    AnchorMismatch,

    /// <summary>The seal names an encoding version this build does not know.</summary>
    UnknownEncoding,
}
