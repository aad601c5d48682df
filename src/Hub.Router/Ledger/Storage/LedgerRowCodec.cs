namespace Hub.Router.Ledger.Storage;

/// <summary>
/// The one description of a ledger row for storage: the columns of <c>ledger_entries</c> (after <c>seq</c>) in order,
/// the value of each for a <see cref="LedgerEntry"/>, and the entry back from those values. Postgres and SQLite differ
/// only in how they store each <see cref="LedgerColumnType"/>. (The hash chain has its own, versioned encoding:
/// <see cref="Chain.LedgerRowEncoding"/>.)
/// </summary>
public static class LedgerRowCodec
{
    public static readonly IReadOnlyList<LedgerColumn> Columns =
    [
        new("entry_id", LedgerColumnType.Uuid),
        new("recorded_at", LedgerColumnType.Timestamp),
        new("kind", LedgerColumnType.Text),
        new("outcome", LedgerColumnType.Text),
        new("source", LedgerColumnType.Text),
        new("event_id", LedgerColumnType.Uuid),
        new("event_type", LedgerColumnType.Text),
        new("recipient", LedgerColumnType.Text),
        new("agreement_id", LedgerColumnType.Text),
        new("agreement_version", LedgerColumnType.Number),
        new("flow_id", LedgerColumnType.Text),
        new("purpose", LedgerColumnType.Text),
        new("lawful_basis", LedgerColumnType.Text),
        new("consent_ref", LedgerColumnType.Text),
        new("legal_gateway", LedgerColumnType.Text),
        new("released_fields", LedgerColumnType.TextList),
        new("withheld_fields", LedgerColumnType.TextList),
        new("reasons", LedgerColumnType.TextList),
        new("delivery_id", LedgerColumnType.Uuid),
        new("subject_pseudonyms", LedgerColumnType.TextList),
        new("agreement_set_hash", LedgerColumnType.Text),
        new("trace_id", LedgerColumnType.Text),
        new("message_id", LedgerColumnType.Text),
        new("footing", LedgerColumnType.Text, AddedLater: true),
        new("subject_key_id", LedgerColumnType.Text, AddedLater: true),
        new("collection_purpose", LedgerColumnType.Text, AddedLater: true),
        new("event_facts", LedgerColumnType.TextList, AddedLater: true),
        new("event_key_id", LedgerColumnType.Text, AddedLater: true),
        new("event_signature_sha256", LedgerColumnType.Text, AddedLater: true),
        new("delivery_sha256", LedgerColumnType.Text, AddedLater: true),
    ];

    /// <summary>The columns added after the first release, which each store adds to an older ledger.</summary>
    public static readonly IReadOnlyList<LedgerColumn> AddedColumns = [.. Columns.Where(c => c.AddedLater)];

    /// <summary>The column names, comma-separated, in <see cref="Columns"/> order.</summary>
    public static readonly string ColumnList = string.Join(", ", Columns.Select(c => c.Name));

    /// <summary><c>seq</c> and then <see cref="ColumnList"/>: what <see cref="Read"/> expects.</summary>
    public static readonly string SelectList = "seq, " + ColumnList;

    /// <summary>The row's values in <see cref="Columns"/> order: Guid, DateTimeOffset, string, int, string[] or null.</summary>
    public static object?[] Values(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return
        [
            entry.EntryId, entry.RecordedAt, LedgerEntryKinds.ToText(entry.Kind), LedgerOutcomes.ToText(entry.Outcome), entry.Source,
            entry.EventId, entry.EventType, entry.Recipient, entry.AgreementId, entry.AgreementVersion,
            entry.FlowId, entry.Purpose, entry.LawfulBasis, entry.ConsentRef, entry.LegalGateway,
            entry.ReleasedFields.ToArray(), entry.WithheldFields.ToArray(), entry.Reasons.ToArray(),
            entry.DeliveryId, entry.SubjectPseudonyms.ToArray(), entry.AgreementSetHash, entry.TraceId, entry.MessageId, LedgerFootings.ToText(entry.Footing),
            entry.SubjectKeyId, entry.CollectionPurpose, entry.EventFacts.ToArray(),
            entry.EventKeyId, entry.EventSignatureSha256, entry.DeliverySha256,
        ];
    }

    /// <summary>
    /// The entry from <c>seq</c> and the values of <see cref="Columns"/>, read by a store as the types
    /// <see cref="Values"/> gives (null for SQL NULL).
    /// </summary>
    public static LedgerEntry Read(long sequence, Func<int, LedgerColumnType, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var v = new object?[Columns.Count];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = value(i, Columns[i].Type);
        }

        return new LedgerEntry
        {
            Sequence = sequence,
            EntryId = (Guid)v[0]!,
            RecordedAt = (DateTimeOffset)v[1]!,
            Kind = LedgerEntryKinds.Parse((string)v[2]!),
            Outcome = LedgerOutcomes.Parse((string)v[3]!),
            Source = (string)v[4]!,
            EventId = (Guid?)v[5],
            EventType = (string?)v[6],
            Recipient = (string?)v[7],
            AgreementId = (string?)v[8],
            AgreementVersion = (int?)v[9],
            FlowId = (string?)v[10],
            Purpose = (string?)v[11],
            LawfulBasis = (string?)v[12],
            ConsentRef = (string?)v[13],
            LegalGateway = (string?)v[14],
            ReleasedFields = (string[]?)v[15] ?? [],
            WithheldFields = (string[]?)v[16] ?? [],
            Reasons = (string[]?)v[17] ?? [],
            DeliveryId = (Guid?)v[18],
            SubjectPseudonyms = (string[]?)v[19] ?? [],
            AgreementSetHash = (string?)v[20],
            TraceId = (string?)v[21],
            MessageId = (string?)v[22],
            Footing = LedgerFootings.Parse((string?)v[23]),
            SubjectKeyId = (string?)v[24],
            CollectionPurpose = (string?)v[25],
            EventFacts = (string[]?)v[26] ?? [],
            EventKeyId = (string?)v[27],
            EventSignatureSha256 = (string?)v[28],
            DeliverySha256 = (string?)v[29],
        };
    }
}
