namespace Hub.Router.Ledger.Chain;

/// <summary>
/// The canonical encoding of one ledger row, the input of the seal hashes (docs/adr/0008). Each version lists its
/// columns explicitly, in order; a column added to <see cref="LedgerEntry"/> is covered only by a new version, so
/// protecting it is a deliberate change (a unit test fails until the new property is placed). Version 2 adds
/// <c>footing</c>, what a disclosure relied on (consent, gateway or basis: docs/adr/0007). Version 3 adds
/// <c>subject_key_id</c>, <c>collection_purpose</c> and <c>event_facts</c> (docs/adr/0019). Version 4 adds the event's
/// signing key id and signature digest and the delivery body's SHA-256 (docs/adr/0025). A seal records the version it
/// was made with, so seals made under earlier versions still verify.
/// Values use <see cref="CanonicalWriter"/>'s grammar: text as UTF-8 exactly as stored, nulls distinct from empty
/// text, arrays with their count and each element, timestamps in UTC microseconds, uuids as 16 bytes, integers as int64.
/// </summary>
public static class LedgerRowEncoding
{
    public const int CurrentVersion = 4;

    private const string RowDomainV1 = "agencyhub.ledger.row/v1";
    private const string RowDomainV2 = "agencyhub.ledger.row/v2";
    private const string RowDomainV3 = "agencyhub.ledger.row/v3";
    private const string RowDomainV4 = "agencyhub.ledger.row/v4";

    /// <summary>The columns version 1 covers, in encoding order; <c>seq</c> is encoded only in the row encoding, not the content encoding.</summary>
    public static readonly IReadOnlyList<string> ColumnsV1 =
    [
        "seq", "entry_id", "recorded_at", "kind", "outcome", "source", "event_id", "event_type", "recipient", "agreement_id",
        "agreement_version", "flow_id", "purpose", "lawful_basis", "consent_ref", "legal_gateway", "released_fields",
        "withheld_fields", "reasons", "delivery_id", "subject_pseudonyms", "agreement_set_hash", "trace_id", "message_id",
    ];

    /// <summary>The <see cref="LedgerEntry"/> properties version 1 covers: every property the type had when v1 was defined.</summary>
    public static readonly IReadOnlyList<string> PropertiesV1 =
    [
        nameof(LedgerEntry.Sequence), nameof(LedgerEntry.EntryId), nameof(LedgerEntry.RecordedAt), nameof(LedgerEntry.Kind),
        nameof(LedgerEntry.Outcome), nameof(LedgerEntry.Source), nameof(LedgerEntry.EventId), nameof(LedgerEntry.EventType),
        nameof(LedgerEntry.Recipient), nameof(LedgerEntry.AgreementId), nameof(LedgerEntry.AgreementVersion), nameof(LedgerEntry.FlowId),
        nameof(LedgerEntry.Purpose), nameof(LedgerEntry.LawfulBasis), nameof(LedgerEntry.ConsentRef), nameof(LedgerEntry.LegalGateway),
        nameof(LedgerEntry.ReleasedFields), nameof(LedgerEntry.WithheldFields), nameof(LedgerEntry.Reasons), nameof(LedgerEntry.DeliveryId),
        nameof(LedgerEntry.SubjectPseudonyms), nameof(LedgerEntry.AgreementSetHash), nameof(LedgerEntry.TraceId), nameof(LedgerEntry.MessageId),
    ];

    /// <summary>The columns version 2 covers, in encoding order: version 1's, then <c>footing</c>.</summary>
    public static readonly IReadOnlyList<string> ColumnsV2 = [.. ColumnsV1, "footing"];

    /// <summary>The <see cref="LedgerEntry"/> properties version 2 covers.</summary>
    public static readonly IReadOnlyList<string> PropertiesV2 = [.. PropertiesV1, nameof(LedgerEntry.Footing)];

    /// <summary>The columns version 3 covers, in encoding order: version 2's, then the subject key id, the declared collection purpose and the event facts.</summary>
    public static readonly IReadOnlyList<string> ColumnsV3 = [.. ColumnsV2, "subject_key_id", "collection_purpose", "event_facts"];

    /// <summary>The <see cref="LedgerEntry"/> properties version 3 covers.</summary>
    public static readonly IReadOnlyList<string> PropertiesV3 =
        [.. PropertiesV2, nameof(LedgerEntry.SubjectKeyId), nameof(LedgerEntry.CollectionPurpose), nameof(LedgerEntry.EventFacts)];

    /// <summary>The columns version 4 covers, in encoding order: version 3's, then the event's signature and the delivery's digest.</summary>
    public static readonly IReadOnlyList<string> ColumnsV4 = [.. ColumnsV3, "event_key_id", "event_signature_sha256", "delivery_sha256"];

    /// <summary>The <see cref="LedgerEntry"/> properties version 4 covers.</summary>
    public static readonly IReadOnlyList<string> PropertiesV4 =
        [.. PropertiesV3, nameof(LedgerEntry.EventKeyId), nameof(LedgerEntry.EventSignatureSha256), nameof(LedgerEntry.DeliverySha256)];

    /// <summary>Each version's columns, version 1 first.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> ColumnsByVersion = [ColumnsV1, ColumnsV2, ColumnsV3, ColumnsV4];

    /// <summary>
    /// <see cref="LedgerEntry"/> properties deliberately outside every encoding version (none yet). A property added
    /// to the type must be placed here or in a new version's list: a unit test fails until it is.
    /// </summary>
    public static readonly IReadOnlyList<string> PropertiesNotCovered = [];

    public static bool IsSupported(int version) => version is >= 1 and <= CurrentVersion;

    /// <summary>The row as the chain hashes it: its position (seq) and its content.</summary>
    public static void WriteRow(CanonicalWriter writer, LedgerEntry entry, int version = CurrentVersion)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entry);
        WriteRowPrefix(writer, entry.Sequence, version);
        WriteColumns(writer, entry, version);
    }

    /// <summary>What <see cref="WriteRow"/> writes before the columns: the version's domain text and the seq.</summary>
    public static void WriteRowPrefix(CanonicalWriter writer, long sequence, int version = CurrentVersion)
    {
        ArgumentNullException.ThrowIfNull(writer);
        RequireSupported(version);
        writer.Text(Domain(version));
        writer.Number(sequence);
    }

    /// <summary>The row without its position: equal for two rows whose contents were swapped, which tells reordering from editing.</summary>
    public static void WriteContent(CanonicalWriter writer, LedgerEntry entry, int version = CurrentVersion)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entry);
        RequireSupported(version);
        writer.Text(Domain(version));
        WriteColumns(writer, entry, version);
    }

    public static byte[] EncodeRow(LedgerEntry entry, int version = CurrentVersion)
    {
        var writer = new CanonicalWriter();
        WriteRow(writer, entry, version);
        return writer.WrittenSpan.ToArray();
    }

    private static string Domain(int version) => version switch
    {
        1 => RowDomainV1,
        2 => RowDomainV2,
        3 => RowDomainV3,
        _ => RowDomainV4,
    };

    private static void WriteColumns(CanonicalWriter writer, LedgerEntry entry, int version)
    {
        WriteColumnsV1(writer, entry);
        if (version >= 2)
        {
            writer.Text(LedgerFootings.ToText(entry.Footing));
        }

        if (version >= 3)
        {
            writer.Text(entry.SubjectKeyId);
            writer.Text(entry.CollectionPurpose);
            writer.List(entry.EventFacts);
        }

        if (version >= 4)
        {
            writer.Text(entry.EventKeyId);
            writer.Text(entry.EventSignatureSha256);
            writer.Text(entry.DeliverySha256);
        }
    }

    private static void WriteColumnsV1(CanonicalWriter writer, LedgerEntry entry)
    {
        writer.Uuid(entry.EntryId);
        writer.Timestamp(entry.RecordedAt);
        writer.Text(LedgerEntryKinds.ToText(entry.Kind));
        writer.Text(LedgerOutcomes.ToText(entry.Outcome));
        writer.Text(entry.Source);
        writer.Uuid(entry.EventId);
        writer.Text(entry.EventType);
        writer.Text(entry.Recipient);
        writer.Text(entry.AgreementId);
        writer.Number(entry.AgreementVersion);
        writer.Text(entry.FlowId);
        writer.Text(entry.Purpose);
        writer.Text(entry.LawfulBasis);
        writer.Text(entry.ConsentRef);
        writer.Text(entry.LegalGateway);
        writer.List(entry.ReleasedFields);
        writer.List(entry.WithheldFields);
        writer.List(entry.Reasons);
        writer.Uuid(entry.DeliveryId);
        writer.List(entry.SubjectPseudonyms);
        writer.Text(entry.AgreementSetHash);
        writer.Text(entry.TraceId);
        writer.Text(entry.MessageId);
    }

    private static void RequireSupported(int version)
    {
        if (!IsSupported(version))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown ledger row encoding version.");
        }
    }
}
