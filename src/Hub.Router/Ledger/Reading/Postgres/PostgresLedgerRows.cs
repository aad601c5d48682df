using Npgsql;

namespace Hub.Router.Ledger.Reading.Postgres;

/// <summary>The ledger row's columns in the order <see cref="Read"/> expects them (seq first), and the mapping to <see cref="LedgerEntry"/>.</summary>
internal static class PostgresLedgerRows
{
    public const string Columns = """
        seq, entry_id, recorded_at, kind, outcome, source, event_id, event_type, recipient, agreement_id, agreement_version,
        flow_id, purpose, lawful_basis, consent_ref, legal_gateway, released_fields, withheld_fields, reasons,
        delivery_id, subject_pseudonyms, agreement_set_hash, trace_id, message_id, footing
        """;

    public static LedgerEntry Read(NpgsqlDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        EntryId = reader.GetGuid(1),
        RecordedAt = reader.GetFieldValue<DateTimeOffset>(2),
        Kind = LedgerEntryKinds.Parse(reader.GetString(3)),
        Outcome = reader.GetString(4),
        Source = reader.GetString(5),
        EventId = reader.IsDBNull(6) ? null : reader.GetGuid(6),
        EventType = Text(reader, 7),
        Recipient = Text(reader, 8),
        AgreementId = Text(reader, 9),
        AgreementVersion = reader.IsDBNull(10) ? null : reader.GetInt32(10),
        FlowId = Text(reader, 11),
        Purpose = Text(reader, 12),
        LawfulBasis = Text(reader, 13),
        ConsentRef = Text(reader, 14),
        LegalGateway = Text(reader, 15),
        ReleasedFields = reader.GetFieldValue<string[]>(16),
        WithheldFields = reader.GetFieldValue<string[]>(17),
        Reasons = reader.GetFieldValue<string[]>(18),
        DeliveryId = reader.IsDBNull(19) ? null : reader.GetGuid(19),
        SubjectPseudonyms = reader.GetFieldValue<string[]>(20),
        AgreementSetHash = Text(reader, 21),
        TraceId = Text(reader, 22),
        MessageId = Text(reader, 23),
        Footing = Text(reader, 24),
    };

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
