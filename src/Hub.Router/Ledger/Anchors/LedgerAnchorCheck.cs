using System.Security.Cryptography;
using Hub.Contracts.Signing;
using Hub.Router.Ledger.Chain;

namespace Hub.Router.Ledger.Anchors;

/// <summary>
/// What <c>hub audit verify --anchors</c> adds to the chain check: each anchor's signature against the given public
/// keys, then its chain hash and seq range against the seal of that number in the ledger. A database rewritten
/// and re-chained consistently passes the chain check but not this one, which names the first seal it changed.
/// </summary>
public static class LedgerAnchorCheck
{
    public static async Task<AnchorVerification> CheckAsync(
        IReadOnlyList<LedgerAnchor> anchors, IReadOnlyList<ECDsa> publicKeys, ILedgerChainStore chain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(publicKeys);
        ArgumentNullException.ThrowIfNull(chain);
        var keys = new VerificationKeys(publicKeys);
        var checkedCount = 0;
        long highest = 0;
        foreach (var anchor in anchors.OrderBy(a => a.SealNumber))
        {
            if (Diverges(anchor, keys, await chain.ReadSealAsync(anchor.SealNumber, cancellationToken)) is { } detail)
            {
                return new AnchorVerification(checkedCount, 0, anchor.SealNumber, detail);
            }

            checkedCount++;
            highest = Math.Max(highest, anchor.SealNumber);
        }

        var head = await chain.LastSealAsync(cancellationToken);
        return new AnchorVerification(checkedCount, Math.Max(0, (head?.Number ?? 0) - highest), null, null);
    }

    private static string? Diverges(LedgerAnchor anchor, VerificationKeys keys, LedgerSeal? seal)
    {
        switch (LedgerAnchorSigner.Verify(anchor, keys))
        {
            case SignatureCheck.NotSigned or SignatureCheck.UnknownKey:
                return $"the anchor of seal {anchor.SealNumber} is signed by key {anchor.KeyId}, which is not among the keys given";
            case SignatureCheck.DoesNotVerify:
                return $"the anchor of seal {anchor.SealNumber} has a signature that does not verify: the anchor itself was altered";
        }

        if (seal is null)
        {
            return $"seal {anchor.SealNumber} is anchored but missing from the ledger";
        }

        return seal.ChainHash != anchor.ChainHash || seal.FirstSequence != anchor.FirstSequence || seal.LastSequence != anchor.LastSequence
            ? $"seal {anchor.SealNumber} (seq {seal.FirstSequence}..{seal.LastSequence}, chain hash {seal.ChainHash[..12]}…) differs from its anchor " +
              $"(seq {anchor.FirstSequence}..{anchor.LastSequence}, chain hash {anchor.ChainHash[..12]}…): the ledger was rewritten from this seal on"
            : null;
    }
}
