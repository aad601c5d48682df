namespace Hub.Router.Ledger.Chain;

/// <summary>Seals the rows that can no longer change position: everything below the store's safe horizon.</summary>
public interface ILedgerSealer
{
    Task<SealOutcome> SealAsync(CancellationToken cancellationToken);
}
