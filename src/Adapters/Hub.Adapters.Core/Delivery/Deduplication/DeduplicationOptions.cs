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

    /// <summary>The SQLite file (Sqlite).</summary>
    public string? SqlitePath { get; set; }
}
