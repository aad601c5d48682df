using Hub.Router.Ledger.Chain;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// <c>hub audit prune --format json</c>, shape <see cref="Schema"/>: the ledger, the retention and cutoff, whether the
/// chain verified (pruning refuses a broken one), the chain as verified before pruning, and the pruning record written,
/// or null when no sealed batch lay wholly before the cutoff.
/// </summary>
internal static class PruneJson
{
    public const string Schema = "agencyhub.audit.prune/1";

    public static object Of(string ledger, int retentionDays, DateTimeOffset cutoff, PruneOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new
        {
            schema = Schema,
            ledger,
            retentionDays,
            cutoff,
            intact = outcome.Verification.IsIntact,
            chain = ChainJson.Of(outcome.Verification),
            pruned = outcome.Record is { } record
                ? new { record = record.Number, rowsPruned = record.RowsPruned, throughSeal = record.ThroughSeal, throughSequence = record.ThroughSequence, anchorHash = record.AnchorHash, prunedAt = record.PrunedAt }
                : null,
        };
    }
}
