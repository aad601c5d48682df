using Hub.Router.Ledger;

namespace Hub.Router.Tests.Ledger.Chain;

/// <summary>Fictional ledger rows for chain tests: names and pseudonyms only, as real rows hold.</summary>
internal static class ChainEntries
{
    public static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public static LedgerEntry Decision(int i, DateTimeOffset? recordedAt = null) => new()
    {
        EntryId = Guid.NewGuid(),
        RecordedAt = recordedAt ?? At.AddSeconds(i),
        Kind = LedgerEntryKind.Decision,
        Outcome = i % 3 == 0 ? LedgerOutcome.Denied : LedgerOutcome.Allowed,
        Source = "probation",
        EventId = Guid.NewGuid(),
        EventType = "custody.release.scheduled",
        Recipient = i % 2 == 0 ? "police" : "jcp",
        AgreementId = "DSA-T01",
        AgreementVersion = 3,
        FlowId = "F1",
        Purpose = "offender-management",
        LawfulBasis = "Art 6(1)(e)",
        LegalGateway = "ORA2014-s7",
        ReleasedFields = ["releaseDate", "subject.pncId"],
        WithheldFields = ["subject.nhsNumber"],
        Reasons = ["permitted by DSA-T01@3 flow F1"],
        DeliveryId = Guid.NewGuid(),
        SubjectPseudonyms = ["nhs:0123456789abcdef0123456789abcdef"],
        AgreementSetHash = "sha256:00112233aabbccdd",
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        MessageId = "m-" + i,
        SubjectKeyId = "0011223344556677",
        CollectionPurpose = "offender-management",
        EventFacts = ["cohortTier=\"mappa\"", "sentenceBand=\"under-12-months\""],
    };
}
