using Hub.Router.Ledger;

namespace Hub.LedgerBench.Generate;

/// <summary>
/// Realistic ledger rows: events fanned out to the four other agencies (one decision row each), allowed ones with a
/// delivery, released and withheld field names, reasons, the agreement set's hash, trace and message ids; now and then
/// a rejection or an operator's access, which name nobody. Deterministic for a seed.
/// </summary>
public sealed class RowFactory(Random random)
{
    private static readonly string[] EventTypes =
    [
        "custody.release.scheduled", "custody.release.amended", "probation.licence.conditions", "police.arrest.recorded",
        "employment.status.changed", "health.discharge.planned", "council.housing.assessed", "probation.recall.issued",
    ];

    private static readonly string[] Fields =
    [
        "subject.name", "subject.dateOfBirth", "subject.address", "releaseDate", "releaseEstablishment", "licenceConditions",
        "riskLevel", "mappaCategory", "cohortTier", "offenderManager", "exclusionZones", "dischargeDate", "careNeeds",
        "benefitClaim", "employmentStatus", "housingNeed", "alerts", "contactNumber", "nextAppointment", "gpPractice",
    ];

    private static readonly string[] Purposes = ["public-protection", "resettlement", "continuity-of-care", "benefit-administration", "safeguarding"];

    private static readonly string[] Bases =
    [
        "UK GDPR Art. 6(1)(e) public task; DPA 2018 s.35 law enforcement",
        "UK GDPR Art. 6(1)(c) legal obligation; Art. 9(2)(h) health or social care",
        "UK GDPR Art. 6(1)(a) consent; Art. 9(2)(a) explicit consent",
    ];

    private readonly string _agreementSetHash = Hex(32, random);

    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The four decision rows of one event about a person, starting at <paramref name="sequence"/>.</summary>
    public IEnumerable<LedgerEntry> Event(long sequence, DateTimeOffset at, int source, string[] pseudonyms, string consentId)
    {
        var eventId = NewGuid();
        var eventType = EventTypes[random.Next(EventTypes.Length)];
        var trace = Hex(16, random);
        var message = NewGuid().ToString();
        var agreement = $"DSA-{random.Next(1, 40):D3}";
        var version = random.Next(1, 4);
        var footing = random.Next(3) switch { 0 => "consent", 1 => "gateway", _ => "basis" };
        var n = 0;
        for (var recipient = 0; recipient < Population.Agencies.Length; recipient++)
        {
            if (recipient == source)
            {
                continue;
            }

            var allowed = random.Next(10) < 6;
            var released = allowed ? Pick(random.Next(3, 9)) : [];
            yield return new LedgerEntry
            {
                Sequence = sequence + n,
                EntryId = NewGuid(),
                RecordedAt = at.AddTicks(n * 10),
                Kind = LedgerEntryKind.Decision,
                Outcome = allowed ? LedgerOutcome.Allowed : LedgerOutcome.Denied,
                Source = Population.Agencies[source],
                EventId = eventId,
                EventType = eventType,
                Recipient = Population.Agencies[recipient],
                AgreementId = agreement,
                AgreementVersion = version,
                FlowId = $"F{random.Next(1, 7)}",
                Purpose = Purposes[random.Next(Purposes.Length)],
                LawfulBasis = Bases[random.Next(Bases.Length)],
                ConsentRef = footing == "consent" ? consentId : null,
                LegalGateway = footing == "gateway" ? "ORA2014-s7" : null,
                Footing = allowed ? LedgerFootings.Parse(footing) : null,
                ReleasedFields = released,
                WithheldFields = Pick(random.Next(1, 5)),
                Reasons = allowed
                    ? [$"{agreement}@{version} flow permits {Population.Agencies[recipient]} for this purpose under its lawful basis", "fields outside the flow's release list withheld"]
                    : [$"no flow of {agreement} permits {eventType} to {Population.Agencies[recipient]}: denied by default"],
                DeliveryId = allowed ? NewGuid() : null,
                SubjectPseudonyms = pseudonyms,
                AgreementSetHash = _agreementSetHash,
                TraceId = trace,
                MessageId = message,
            };
            n++;
        }
    }

    /// <summary>A rejected input or an operator's access: rows that name nobody.</summary>
    public LedgerEntry Other(long sequence, DateTimeOffset at, int source) => random.Next(4) == 0
        ? new LedgerEntry
        {
            Sequence = sequence, EntryId = NewGuid(), RecordedAt = at, Kind = LedgerEntryKind.OperatorAccess, Outcome = LedgerOutcome.PayloadViewed,
            Source = "operator:ops-" + random.Next(1, 9), Reasons = ["INC-" + random.Next(1000, 9999)], MessageId = NewGuid().ToString(), TraceId = Hex(16, random),
        }
        : new LedgerEntry
        {
            Sequence = sequence, EntryId = NewGuid(), RecordedAt = at, Kind = LedgerEntryKind.Rejection, Outcome = LedgerOutcome.Rejected,
            Source = Population.Agencies[source], EventId = NewGuid(), EventType = EventTypes[random.Next(EventTypes.Length)],
            Reasons = ["schema-invalid", "$.subject.nhsNumber fails the NHS number format or check digit"], MessageId = NewGuid().ToString(), TraceId = Hex(16, random),
        };

    private string[] Pick(int count)
    {
        var start = random.Next(Fields.Length);
        var picked = new string[count];
        for (var i = 0; i < count; i++)
        {
            picked[i] = Fields[(start + (i * 7)) % Fields.Length];
        }

        return picked;
    }

    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static string Hex(int bytes, Random random)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
