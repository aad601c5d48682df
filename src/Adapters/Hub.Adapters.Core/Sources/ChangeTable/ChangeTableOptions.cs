namespace Hub.Adapters.Core.Sources.ChangeTable;

/// <summary>
/// <c>Adapter:Sources:ChangeTable</c>: a change table in the agency's own Postgres database (filled by its
/// application or a trigger), polled in commit-safe order; the watermark and rejected rows are kept beside it.
/// DDL and the ordering rule: <see cref="ChangeTableSchema"/> and docs/adr/0011.
/// </summary>
public sealed class ChangeTableOptions
{
    public const string SectionName = "Adapter:Sources:ChangeTable";

    public bool Enabled { get; set; }

    /// <summary>The agency database, as a role that may read the change table and write the two state tables.</summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>[schema.]table</c>, plain lower-case.</summary>
    public string Table { get; set; } = string.Empty;

    /// <summary>A bigint from a sequence or identity: the row's id, part of its event id.</summary>
    public string ChangeIdColumn { get; set; } = "change_id";

    /// <summary>The inserting transaction, <c>xid8 NOT NULL DEFAULT pg_current_xact_id()</c>: what makes polling commit-safe.</summary>
    public string TransactionColumn { get; set; } = "txid";

    /// <summary>Names the record kind, which picks the mapper (see <see cref="ChangeKindRoutedMapper"/>); empty when the table holds one kind.</summary>
    public string KindColumn { get; set; } = "record_kind";

    public string WatermarkTable { get; set; } = "agencyhub_watermarks";

    public string QuarantineTable { get; set; } = "agencyhub_quarantine";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Rows read per query; each is still published and watermarked one at a time.</summary>
    public int BatchSize { get; set; } = 500;
}
