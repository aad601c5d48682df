namespace Hub.Adapters.Core.Sinks.Postgres;

/// <summary><c>Adapter:Sink:Postgres</c>: a table in the agency's own database (never the hub's).</summary>
public sealed class PostgresSinkOptions
{
    public string? ConnectionString { get; set; }

    /// <summary>Plain lower-case <c>[schema.]table</c>; created if missing (DDL in <see cref="PostgresSinkSchema"/>).</summary>
    public string Table { get; set; } = "hub_deliveries";

    /// <summary>True: a recall nulls the payload (erasure). False: it only marks the row (restriction).</summary>
    public bool EraseOnRecall { get; set; } = true;
}
