using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Envelope;
using Hub.Router.Consent;
using Hub.Router.Ledger;
using Hub.Router.Operations;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;

namespace Hub.Router.Tests.Operations;

/// <summary>
/// Whether a dead-lettered delivery may be sent again now (docs/adr/0012): the agreement, flow and consent it relied
/// on are checked under the current agreement set and registry, and anything that changed against it refuses.
/// </summary>
public class ReplayCheckTests
{
    private static readonly DateTimeOffset Decided = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Decided.AddDays(3);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public void When_nothing_changed_should_allow_the_replay()
    {
        var set = Load(Agreement());

        ReplayCheck.Refusals(Delivery(set.Hash), Decision(), set, Consent(), Now).ShouldBeNull();
    }

    [Fact]
    public void When_the_agreement_has_a_new_version_should_refuse_and_ask_for_a_resubmission()
    {
        var set = Load(Agreement(version: 2));

        var refusals = ReplayCheck.Refusals(Delivery("old-hash"), Decision(), set, Consent(), Now).ShouldNotBeNull();

        refusals.ShouldHaveSingleItem().ShouldContain("agreement DSA-R-1 is now version 2; the delivery was decided under DSA-R-1@1");
    }

    [Fact]
    public void When_the_agreement_has_expired_should_refuse()
    {
        // Loaded while still in force; the replay comes after the expiry date.
        var set = AgreementLoader.Load([("a.yaml", Agreement(expires: Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))], DateOnly.FromDateTime(Decided.UtcDateTime));

        ReplayCheck.Refusals(Delivery(set.Hash), Decision(), set, Consent(), Now).ShouldNotBeNull().ShouldHaveSingleItem().ShouldContain("DSA-R-1@1 is not in force");
    }

    [Fact]
    public void When_the_consent_was_withdrawn_should_refuse()
    {
        var set = Load(Agreement());
        var withdrawn = Consent() with { Withdrawal = new ConsentWithdrawal("C-R-1", Decided.AddDays(1), Decided.AddDays(1), Guid.NewGuid(), Decided.AddDays(1)) };

        ReplayCheck.Refusals(Delivery(set.Hash), Decision(), set, withdrawn, Now).ShouldNotBeNull().ShouldHaveSingleItem().ShouldContain("withdrawn");
    }

    [Fact]
    public void When_the_consent_is_no_longer_registered_should_refuse()
    {
        var set = Load(Agreement());

        ReplayCheck.Refusals(Delivery(set.Hash), Decision(), set, consent: null, Now).ShouldNotBeNull().ShouldHaveSingleItem().ShouldContain("C-R-1");
    }

    [Fact]
    public void When_a_forbid_for_the_same_share_came_into_force_should_refuse()
    {
        var set = Load(Agreement(), """
            id: DSA-R-2
            title: No release notices to police
            version: 1
            status: active
            effective: 2026-01-01
            flows:
              - id: F-no
                effect: forbid
                source: probation
                eventTypes: [custody.release.scheduled]
                recipients: [police]
                purpose: enhanced-resettlement
            """);

        ReplayCheck.Refusals(Delivery("set-before-the-forbid"), Decision(), set, Consent(), Now).ShouldNotBeNull().ShouldHaveSingleItem().ShouldContain("DSA-R-2@1 now forbids");
    }

    private static AgreementSet Load(params string[] agreements) => AgreementLoader.Load([.. agreements.Select((text, i) => ($"a{i}.yaml", text))], Today);

    private static string Agreement(int version = 1, string expires = "2099-01-01") => $"""
        id: DSA-R-1
        title: Replay test
        version: {version}
        status: active
        effective: 2026-01-01
        expires: {expires}
        flows:
          - id: F-police
            source: probation
            eventTypes: [custody.release.scheduled]
            recipients: [police]
            purpose: enhanced-resettlement
            consent: required
            lawfulBasis:
              article6: consent
              criminalOffence: sch1-part3-para29
            fields: [subject.pncId, releaseDate]
        """;

    private static EventDelivered Delivery(string setHash) => new()
    {
        DeliveryId = Guid.Parse("6f1c2b1e-0000-5000-8000-00000000d001"),
        EventId = Guid.Parse("6f1c2b1e-0000-4000-8000-00000000e001"),
        EventType = "custody.release.scheduled",
        Source = AgencyCode.Probation,
        Recipient = AgencyCode.Police,
        OccurredAt = Decided,
        DecidedAt = Decided,
        Classification = DataClassification.CriminalOffence,
        Payload = JsonSerializer.SerializeToElement(new { releaseDate = "2026-12-20" }),
        AgreementId = "DSA-R-1",
        AgreementVersion = 1,
        FlowId = "F-police",
        Purpose = "enhanced-resettlement",
        LawfulBasis = "consent",
        ConsentRef = "C-R-1",
        WithheldFields = [],
        Obligations = new Obligations(),
        AgreementSetHash = setHash,
    };

    private static LedgerEntry Decision() => new()
    {
        EntryId = Guid.NewGuid(),
        RecordedAt = Decided,
        Kind = LedgerEntryKind.Decision,
        Outcome = LedgerOutcome.Allowed,
        Source = "probation",
        Recipient = "police",
        ConsentRef = "C-R-1",
        Footing = DecisionFooting.Consent,
        SubjectPseudonyms = ["pseudonym-1"],
        Reasons = [],
        DeliveryId = Guid.Parse("6f1c2b1e-0000-5000-8000-00000000d001"),
    };

    private static ConsentRecord Consent() => new()
    {
        ConsentId = "C-R-1",
        RecordedBy = "probation",
        Purposes = ["enhanced-resettlement"],
        Recipients = ["police"],
        GivenAt = Decided.AddDays(-10),
        EvidenceRef = "EV-1",
        SubjectPseudonyms = ["pseudonym-1"],
        EventId = Guid.NewGuid(),
        RegisteredAt = Decided.AddDays(-10),
        ContentHash = "h",
    };
}
