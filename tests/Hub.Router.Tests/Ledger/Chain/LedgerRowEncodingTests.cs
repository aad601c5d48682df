using System.Security.Cryptography;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Chain;
using Hub.Router.Ledger.Storage;
using Hub.Sharing.Decisions;

namespace Hub.Router.Tests.Ledger.Chain;

public sealed class LedgerRowEncodingTests
{
    private static readonly LedgerEntry Fixed = new()
    {
        EntryId = Guid.Parse("3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b"),
        Sequence = 42,
        RecordedAt = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567),
        Kind = LedgerEntryKind.Decision,
        Outcome = LedgerOutcome.Allowed,
        Source = "probation",
        EventId = Guid.Parse("00000000-0000-0000-0000-000000000001"),
        EventType = "custody.release.scheduled",
        Recipient = "police",
        AgreementId = "DSA-001",
        AgreementVersion = 3,
        FlowId = "F1-police-iom",
        Purpose = "offender-management",
        LawfulBasis = "Art 6(1)(e)",
        LegalGateway = "ORA2014-s7",
        ReleasedFields = ["releaseDate", "subject.pncId"],
        WithheldFields = ["subject.nhsNumber"],
        Reasons = ["permitted"],
        SubjectPseudonyms = ["pnc:00ff"],
        AgreementSetHash = "sha256:abc",
        TraceId = "trace",
        MessageId = "message",
    };

    [Fact]
    public void When_ledger_entry_gains_a_property_should_fail_until_an_encoding_version_places_it()
    {
        // A new column is protected only by a deliberate new encoding version (docs/adr/0008).
        typeof(LedgerEntry).GetProperties().Select(p => p.Name)
            .ShouldBe(LedgerRowEncoding.PropertiesV4.Concat(LedgerRowEncoding.PropertiesNotCovered), ignoreOrder: true);
        LedgerRowEncoding.ColumnsV1.Count.ShouldBe(LedgerRowEncoding.PropertiesV1.Count);
        LedgerRowEncoding.ColumnsV2.Count.ShouldBe(LedgerRowEncoding.PropertiesV2.Count);
        LedgerRowEncoding.ColumnsV3.Count.ShouldBe(LedgerRowEncoding.PropertiesV3.Count);
        LedgerRowEncoding.ColumnsV4.Count.ShouldBe(LedgerRowEncoding.PropertiesV4.Count);
    }

    [Fact]
    public void When_the_stores_columns_are_listed_should_be_the_newest_encodings_columns_in_its_order()
    {
        // The Postgres wire encoder walks the store's columns as the chain's: they must be one list.
        LedgerRowCodec.Columns.Select(c => c.Name).ShouldBe(LedgerRowEncoding.ColumnsV4.Skip(1));
    }

    [Fact]
    public void When_a_version_3_column_changes_should_change_the_version_3_encoding_and_not_versions_1_and_2()
    {
        LedgerEntry[] variants = [Fixed with { SubjectKeyId = "a" }, Fixed with { CollectionPurpose = "research" }, Fixed with { EventFacts = ["cohortTier=\"ppo\""] }];
        foreach (var variant in variants)
        {
            LedgerRowEncoding.EncodeRow(variant, 1).ShouldBe(LedgerRowEncoding.EncodeRow(Fixed, 1));
            LedgerRowEncoding.EncodeRow(variant, 2).ShouldBe(LedgerRowEncoding.EncodeRow(Fixed, 2));
            LedgerRowEncoding.EncodeRow(variant, 3).ShouldNotBe(LedgerRowEncoding.EncodeRow(Fixed, 3));
        }

        LedgerRowEncoding.EncodeRow(Fixed, 3).ShouldNotBe(LedgerRowEncoding.EncodeRow(Fixed, 2));
    }

    [Fact]
    public void When_a_version_4_column_changes_should_change_the_version_4_encoding_and_not_earlier_versions()
    {
        // The event's signature and the delivery's digest (docs/adr/0025) are protected from version 4 on; seals made
        // before it keep verifying.
        LedgerEntry[] variants = [Fixed with { EventKeyId = "0123456789abcdef" }, Fixed with { EventSignatureSha256 = new string('a', 64) }, Fixed with { DeliverySha256 = new string('b', 64) }];
        foreach (var variant in variants)
        {
            foreach (var earlier in new[] { 1, 2, 3 })
            {
                LedgerRowEncoding.EncodeRow(variant, earlier).ShouldBe(LedgerRowEncoding.EncodeRow(Fixed, earlier));
            }

            LedgerRowEncoding.EncodeRow(variant, 4).ShouldNotBe(LedgerRowEncoding.EncodeRow(Fixed, 4));
        }

        LedgerRowEncoding.EncodeRow(Fixed, 4).ShouldNotBe(LedgerRowEncoding.EncodeRow(Fixed, 3));
    }

    [Fact]
    public void When_footing_changes_should_change_the_version_2_encoding_and_not_version_1()
    {
        // Version 1 seals (made before footing existed) keep verifying; version 2 protects what a disclosure relied on.
        LedgerRowEncoding.EncodeRow(Fixed with { Footing = DecisionFooting.Consent }, 1).ShouldBe(LedgerRowEncoding.EncodeRow(Fixed with { Footing = DecisionFooting.Gateway }, 1));
        LedgerRowEncoding.EncodeRow(Fixed with { Footing = DecisionFooting.Consent }, 2).ShouldNotBe(LedgerRowEncoding.EncodeRow(Fixed with { Footing = DecisionFooting.Gateway }, 2));
        LedgerRowEncoding.EncodeRow(Fixed, 2).ShouldNotBe(LedgerRowEncoding.EncodeRow(Fixed, 1));
    }

    [Fact]
    public void When_encoding_a_known_row_should_give_the_recorded_bytes()
    {
        // Pins version 1 (the value was computed by an independent implementation of docs/adr/0008): if this
        // changes, every existing seal stops verifying.
        Convert.ToHexStringLower(SHA256.HashData(LedgerRowEncoding.EncodeRow(Fixed, 1)))
            .ShouldBe("ef82b4403dfb521fc6ce553276cfbdf3741df307484eb3c8ad0b45123f1f1127");
    }

    [Fact]
    public void When_a_value_is_null_or_empty_should_encode_them_differently()
    {
        Encode(Fixed with { FlowId = null }).ShouldNotBe(Encode(Fixed with { FlowId = string.Empty }));
    }

    [Fact]
    public void When_list_elements_could_be_joined_should_still_tell_them_apart()
    {
        Encode(Fixed with { ReleasedFields = ["a,b"] }).ShouldNotBe(Encode(Fixed with { ReleasedFields = ["a", "b"] }));
        Encode(Fixed with { ReleasedFields = ["ab"], WithheldFields = [] }).ShouldNotBe(Encode(Fixed with { ReleasedFields = ["a"], WithheldFields = ["b"] }));
    }

    [Fact]
    public void When_timestamps_differ_below_a_microsecond_should_encode_them_alike_as_postgres_stores_them()
    {
        var at = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        Encode(Fixed with { RecordedAt = at.AddTicks(5) }).ShouldBe(Encode(Fixed with { RecordedAt = at }));
        Encode(Fixed with { RecordedAt = at.AddTicks(10) }).ShouldNotBe(Encode(Fixed with { RecordedAt = at }));
    }

    [Fact]
    public void When_the_same_instant_has_another_offset_should_encode_it_alike()
    {
        var utc = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        Encode(Fixed with { RecordedAt = utc.ToOffset(TimeSpan.FromHours(1)) }).ShouldBe(Encode(Fixed with { RecordedAt = utc }));
    }

    [Fact]
    public void When_only_the_seq_differs_should_change_the_row_encoding_but_not_the_content_encoding()
    {
        Encode(Fixed with { Sequence = 43 }).ShouldNotBe(Encode(Fixed));
        Content(Fixed with { Sequence = 43 }).ShouldBe(Content(Fixed));
    }

    [Fact]
    public void When_any_field_changes_should_change_the_encoding()
    {
        var variants = new[]
        {
            Fixed with { EntryId = Guid.NewGuid() }, Fixed with { Kind = LedgerEntryKind.Rejection }, Fixed with { Outcome = LedgerOutcome.Denied },
            Fixed with { Source = "police" }, Fixed with { EventId = null }, Fixed with { EventType = "x" }, Fixed with { Recipient = "jcp" },
            Fixed with { AgreementId = "DSA-002" }, Fixed with { AgreementVersion = 4 }, Fixed with { Purpose = "p" }, Fixed with { LawfulBasis = "b" },
            Fixed with { ConsentRef = "C-1" }, Fixed with { LegalGateway = null }, Fixed with { WithheldFields = [] }, Fixed with { Reasons = ["other"] },
            Fixed with { DeliveryId = Guid.NewGuid() }, Fixed with { SubjectPseudonyms = [] }, Fixed with { AgreementSetHash = null },
            Fixed with { TraceId = null }, Fixed with { MessageId = null },
        };

        variants.Select(Encode).Append(Encode(Fixed)).Distinct().Count().ShouldBe(variants.Length + 1);
    }

    private static string Encode(LedgerEntry entry) => Convert.ToHexString(LedgerRowEncoding.EncodeRow(entry));

    private static string Content(LedgerEntry entry)
    {
        var writer = new CanonicalWriter();
        LedgerRowEncoding.WriteContent(writer, entry);
        return Convert.ToHexString(writer.WrittenSpan);
    }
}
