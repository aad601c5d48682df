using Hub.Router.Ledger.Chain;

namespace Hub.Router.Ledger.Anchors;

/// <summary>
/// After each sealing pass: signs every seal a sink has not yet received and sends it, then records in the ledger
/// database how far that sink has got. A failure leaves the record where it was, so the next pass sends the same
/// seals again (a sink may see a seal twice, always identical).
/// </summary>
public sealed class LedgerAnchorExporter(ILedgerChainStore chain, LedgerAnchorSigner signer, IReadOnlyList<ILedgerAnchorSink> sinks, TimeProvider time)
{
    private const int Batch = 500;

    public async Task<int> ExportAsync(CancellationToken cancellationToken)
    {
        var exported = 0;
        foreach (var sink in sinks)
        {
            var through = await chain.AnchoredThroughAsync(sink.Id, cancellationToken);
            while (true)
            {
                var seals = await chain.ReadSealsAsync(through, Batch, cancellationToken);
                if (seals.Count == 0)
                {
                    break;
                }

                await sink.WriteAsync([.. seals.Select(signer.Sign)], cancellationToken);
                through = seals[^1].Number;
                await chain.RecordAnchoredAsync(sink.Id, through, time.GetUtcNow(), cancellationToken);
                exported += seals.Count;
            }
        }

        return exported;
    }
}
