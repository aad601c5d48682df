using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Ledger.Reading.Sqlite;

/// <summary>The embedded ledger's row columns (seq first) and their mapping: times as ISO 8601, uuids as text, lists as JSON arrays.</summary>
internal static class SqliteLedgerRows
{
    public const string Columns = """
        seq, entry_id, recorded_at, kind, outcome, source, event_id, event_type, recipient, agreement_id, agreement_version,
        flow_id, purpose, lawful_basis, consent_ref, legal_gateway, released_fields, withheld_fields, reasons,
        delivery_id, subject_pseudonyms, agreement_set_hash, trace_id, message_id, footing
        """;

    public static LedgerEntry Read(SqliteDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        EntryId = Guid.Parse(reader.GetString(1)),
        RecordedAt = Time(reader.GetString(2)),
        Kind = LedgerEntryKinds.Parse(reader.GetString(3)),
        Outcome = reader.GetString(4),
        Source = reader.GetString(5),
        EventId = reader.IsDBNull(6) ? null : Guid.Parse(reader.GetString(6)),
        EventType = Text(reader, 7),
        Recipient = Text(reader, 8),
        AgreementId = Text(reader, 9),
        AgreementVersion = reader.IsDBNull(10) ? null : reader.GetInt32(10),
        FlowId = Text(reader, 11),
        Purpose = Text(reader, 12),
        LawfulBasis = Text(reader, 13),
        ConsentRef = Text(reader, 14),
        LegalGateway = Text(reader, 15),
        ReleasedFields = List(reader, 16),
        WithheldFields = List(reader, 17),
        Reasons = List(reader, 18),
        DeliveryId = reader.IsDBNull(19) ? null : Guid.Parse(reader.GetString(19)),
        SubjectPseudonyms = List(reader, 20),
        AgreementSetHash = Text(reader, 21),
        TraceId = Text(reader, 22),
        MessageId = Text(reader, 23),
        Footing = Text(reader, 24),
    };

    public static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string[] List(SqliteDataReader reader, int ordinal) => JsonSerializer.Deserialize<string[]>(reader.GetString(ordinal)) ?? [];
}
