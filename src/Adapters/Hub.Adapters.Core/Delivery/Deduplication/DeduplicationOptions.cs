namespace Hub.Adapters.Core.Delivery.Deduplication;

/// <summary><c>Adapter:Deduplication</c>: where handled delivery ids are kept.</summary>
public sealed class DeduplicationOptions
{
    public const string SectionName = "Adapter:Deduplication";

    public DeduplicationKind Kind { get; set; } = DeduplicationKind.Memory;

    /// <summary>Npgsql connection string (Postgres), e.g. from <c>ConnectionStrings:AgencyDb</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Table of handled delivery ids (Postgres and SQLite); created if missing.</summary>
    public string Table { get; set; } = "adapter_handled_deliveries";

    /// <summary>
    /// How long handled ids are kept (Postgres and SQLite; default 90 days). Longer than any redelivery can arrive:
    /// the router resends unsent outbox rows within minutes, and a dead-letter replay is an operator's act.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often ids past <see cref="Retention"/> are deleted (default hourly).</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The SQLite file (Sqlite).</summary>
    public string? SqlitePath { get; set; }
}
