namespace Hub.Router.Ledger;

/// <summary>
/// How a store commits a group of decision batches, the same for Postgres and SQLite: copies of one event in the group
/// are collapsed onto the first (<see cref="Primaries"/>), which are ordered by (source, event id) so that two routers
/// committing overlapping groups take the register's row locks in one order and cannot deadlock. The store reports,
/// per primary, whether it was new or what was already there; <see cref="Results"/> answers every batch in the
/// caller's order.
/// </summary>
public sealed class LedgerGroupPlan
{
    private readonly IReadOnlyList<DecisionBatch> _batches;
    private readonly int[] _primaryOf;

    public LedgerGroupPlan(IReadOnlyList<DecisionBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        _batches = batches;
        _primaryOf = new int[batches.Count];
        var order = Enumerable.Range(0, batches.Count)
            .OrderBy(i => batches[i].Source, StringComparer.Ordinal)
            .ThenBy(i => batches[i].EventId)
            .ThenBy(i => i);
        var primaries = new List<DecisionBatch>();
        var indexByKey = new Dictionary<(string, Guid), int>();
        foreach (var i in order)
        {
            var key = (batches[i].Source, batches[i].EventId);
            if (!indexByKey.TryGetValue(key, out var primary))
            {
                primary = primaries.Count;
                indexByKey.Add(key, primary);
                primaries.Add(batches[i]);
            }

            _primaryOf[i] = primary;
        }

        Primaries = primaries;
    }

    /// <summary>One batch per (source, event id), in lock order.</summary>
    public IReadOnlyList<DecisionBatch> Primaries { get; }

    /// <summary>
    /// Every batch's result in the caller's order, from each primary's outcome: <c>null</c> when the store inserted it,
    /// otherwise the content hash already registered and its deliveries not yet sent. A copy of a primary sends nothing
    /// (the primary's caller sends), or conflicts when its content differs.
    /// </summary>
    public IReadOnlyList<RecordResult> Results(IReadOnlyList<ExistingEvent?> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var primaryResults = new RecordResult[Primaries.Count];
        for (var p = 0; p < Primaries.Count; p++)
        {
            var batch = Primaries[p];
            primaryResults[p] = outcomes[p] switch
            {
                null => new RecordResult(Conflict: false, AlreadyRecorded: false, Pending: batch.Deliveries),
                { ContentHash: var hash } when !string.Equals(hash, batch.ContentHash, StringComparison.Ordinal) => RecordResult.ConflictResult,
                { Pending: var pending } => new RecordResult(Conflict: false, AlreadyRecorded: true, Pending: pending),
            };
        }

        var results = new RecordResult[_batches.Count];
        var taken = new bool[Primaries.Count];
        for (var i = 0; i < _batches.Count; i++)
        {
            var p = _primaryOf[i];
            if (!taken[p] && ReferenceEquals(_batches[i], Primaries[p]))
            {
                taken[p] = true;
                results[i] = primaryResults[p];
            }
            else
            {
                results[i] = primaryResults[p].Conflict || !string.Equals(_batches[i].ContentHash, Primaries[p].ContentHash, StringComparison.Ordinal)
                    ? RecordResult.ConflictResult
                    : new RecordResult(Conflict: false, AlreadyRecorded: true, Pending: []);
            }
        }

        return results;
    }
}
