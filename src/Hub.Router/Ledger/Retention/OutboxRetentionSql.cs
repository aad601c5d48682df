namespace Hub.Router.Ledger.Retention;

/// <summary>
/// The statements of an outbox retention pass, run in one transaction (parameter <c>$1</c> is the cutoff; both stores
/// write times so that they compare in time order). A delivery counts as sent when it has a sent mark
/// (<c>outbox_sent</c>) or the older in-row <c>sent_at</c>. The ids to delete are chosen once, into a temporary table,
/// so the sent marks and their deliveries go together.
/// </summary>
internal static class OutboxRetentionSql
{
    private const string Sent = "(o.sent_at IS NOT NULL OR EXISTS (SELECT 1 FROM outbox_sent s WHERE s.delivery_id = o.delivery_id))";

    private const string Chosen = $"SELECT o.delivery_id FROM outbox_deliveries o WHERE o.created_at < $1 AND {Sent}";

    public const string PostgresChoose = $"CREATE TEMPORARY TABLE outbox_pruning ON COMMIT DROP AS {Chosen}";

    public const string SqliteChoose = $"CREATE TEMPORARY TABLE outbox_pruning AS {Chosen}";

    public const string SqliteDone = "DROP TABLE temp.outbox_pruning";

    public const string CountUnsent = $"SELECT count(*) FROM outbox_deliveries o WHERE o.created_at < $1 AND NOT {Sent}";

    public const string DeleteSentMarks = "DELETE FROM outbox_sent WHERE delivery_id IN (SELECT delivery_id FROM outbox_pruning)";

    public const string DeleteDeliveries = "DELETE FROM outbox_deliveries WHERE delivery_id IN (SELECT delivery_id FROM outbox_pruning)";

    /// <summary>One pass, in the caller's transaction: <paramref name="execute"/> runs a statement (binding $1 where it appears), <paramref name="count"/> a count.</summary>
    public static async Task<OutboxPruneResult> RunAsync(string choose, string? done, Func<string, Task<int>> execute, Func<string, Task<long>> count)
    {
        await execute(choose);
        await execute(DeleteSentMarks);
        var deliveries = await execute(DeleteDeliveries);
        var registrations = await execute(DeleteRegistrations);
        var unsent = await count(CountUnsent);
        if (done is not null)
        {
            await execute(done);
        }

        return new OutboxPruneResult(deliveries, registrations, unsent);
    }

    public const string DeleteRegistrations = """
        DELETE FROM ingress_events
         WHERE recorded_at < $1
           AND NOT EXISTS (SELECT 1 FROM outbox_deliveries o WHERE o.source = ingress_events.source AND o.event_id = ingress_events.event_id)
        """;
}
