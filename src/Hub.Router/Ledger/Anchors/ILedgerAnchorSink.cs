namespace Hub.Router.Ledger.Anchors;

/// <summary>Somewhere outside the ledger database that keeps anchors: an append-only file, another organisation's webhook.</summary>
public interface ILedgerAnchorSink
{
    /// <summary>A stable name under which the ledger records how far this sink has been sent; never a secret.</summary>
    string Id { get; }

    /// <summary>Stores the anchors durably before returning; throws if it cannot (they are sent again next pass).</summary>
    Task WriteAsync(IReadOnlyList<LedgerAnchor> anchors, CancellationToken cancellationToken);
}
