namespace Hub.Adapters.Core.Delivery.Deduplication;

/// <summary>Where an adapter remembers the delivery ids it has handled.</summary>
public enum DeduplicationKind
{
    /// <summary>Process memory: forgotten on restart. Only safe with a sink that is idempotent itself.</summary>
    Memory,

    /// <summary>A table in the agency's own Postgres database.</summary>
    Postgres,

    /// <summary>A SQLite file, for small sites without a database server.</summary>
    Sqlite,
}
