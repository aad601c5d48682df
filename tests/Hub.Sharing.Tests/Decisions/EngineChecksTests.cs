using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Sharing.Agreements;
using Hub.Sharing.Consent;
using Hub.Sharing.Decisions;

namespace Hub.Sharing.Tests.Decisions;

/// <summary>Conditions, consent at decision time, and gateway purpose limits, each explained in IG language.</summary>
public class EngineChecksTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void When_condition_holds_should_permit_and_when_it_fails_should_say_which()
    {
        var engine = Engine(Permit(extra: "conditions: [{ field: cohortTier, in: [mappa, ppo] }]"));

        engine.Decide(Request("""{"cohortTier":"ppo"}""")).Single().IsAllowed.ShouldBeTrue();
        var denied = engine.Decide(Request("""{"cohortTier":"iom"}""")).Single();
        denied.IsAllowed.ShouldBeFalse();
        denied.Reasons.ShouldHaveSingleItem().ShouldBe("DSA-C@1 flow F1: condition 'cohortTier is one of [mappa, ppo]' is not met");
    }

    [Fact]
    public void When_consent_is_valid_at_decision_time_should_permit_and_cite_it()
    {
        var decision = Engine(Permit(extra: "consent: required")).Decide(Request(consentRef: "C-123", consents: Consent())).Single();

        decision.IsAllowed.ShouldBeTrue();
        decision.Reasons.Single().ShouldContain("consent C-123, given 2026-10-01, covers purpose offender-management and police");
    }

    [Theory]
    [InlineData("withdrawn", "consent C-123 was withdrawn at 2026-11-23T12:00:00Z")]
    [InlineData("expired", "consent C-123 expired at 2026-11-23T12:00:00Z")]
    [InlineData("purpose", "consent C-123 does not cover purpose offender-management (it covers employment-support)")]
    [InlineData("recipient", "consent C-123 does not cover sharing with police")]
    [InlineData("unknown", "consent C-999 is not in the consent registry")]
    public void When_consent_does_not_cover_the_share_should_deny_saying_why(string problem, string expected)
    {
        var consent = problem switch
        {
            "withdrawn" => Consent(withdrawn: At),
            "expired" => Consent(expires: At),
            "purpose" => Consent(purposes: ["employment-support"]),
            "recipient" => Consent(recipients: [AgencyCode.Council]),
            _ => Consent(),
        };
        var decision = Engine(Permit(extra: "consent: required")).Decide(Request(consentRef: problem == "unknown" ? "C-999" : "C-123", consents: consent)).Single();

        decision.IsAllowed.ShouldBeFalse();
        decision.Reasons.ShouldHaveSingleItem().ShouldBe("DSA-C@1 flow F1: " + expected);
    }

    [Fact]
    public void When_consent_was_withdrawn_or_expired_should_give_the_exact_instant_in_utc()
    {
        var withdrawnAt = At.AddSeconds(-3725).ToOffset(TimeSpan.FromHours(1));
        var expiredAt = At.AddSeconds(-59).ToOffset(TimeSpan.FromHours(-5));

        Engine(Permit(extra: "consent: required")).Decide(Request(consentRef: "C-123", consents: Consent(withdrawn: withdrawnAt))).Single().Reasons
            .ShouldHaveSingleItem().ShouldBe("DSA-C@1 flow F1: consent C-123 was withdrawn at 2026-11-23T10:57:55Z");
        Engine(Permit(extra: "consent: required")).Decide(Request(consentRef: "C-123", consents: Consent(expires: expiredAt))).Single().Reasons
            .ShouldHaveSingleItem().ShouldBe("DSA-C@1 flow F1: consent C-123 expired at 2026-11-23T11:59:01Z");
    }

    [Fact]
    public void When_consent_is_withdrawn_one_second_after_the_decision_should_still_permit() =>
        Engine(Permit(extra: "consent: required")).Decide(Request(consentRef: "C-123", consents: Consent(withdrawn: At.AddSeconds(1)))).Single().IsAllowed.ShouldBeTrue();

    [Fact]
    public void When_consent_is_required_and_the_event_has_no_reference_should_deny() =>
        Engine(Permit(extra: "consent: required")).Decide(Request()).Single().Reasons.ShouldHaveSingleItem()
            .ShouldBe("DSA-C@1 flow F1: consent is required for purpose offender-management but the event carries no consent reference");

    [Fact]
    public void When_data_came_through_a_gateway_should_not_go_on_to_a_purpose_it_does_not_prescribe()
    {
        var decision = Engine(Permit()).Decide(Request(gateway: "WRA2012-s131", declared: "homelessness-application")).Single();

        decision.IsAllowed.ShouldBeFalse();
        decision.Reasons.ShouldHaveSingleItem().ShouldContain("the data was obtained under WRA2012-s131, which limits it to benefit-or-grant-eligibility, homelessness-application");
        decision.Reasons[0].ShouldContain("purpose offender-management is not one of them");
    }

    [Fact]
    public void When_an_event_asserts_a_gateway_for_a_purpose_it_does_not_prescribe_should_deny()
    {
        var engine = Engine(Permit(purpose: "homelessness-application", extra: "gateway: WRA2012-s131", recipient: "council"));

        engine.Decide(Request(gateway: "WRA2012-s131", declared: "homelessness-application", candidate: AgencyCode.Council)).Single().IsAllowed.ShouldBeTrue();
        engine.Decide(Request(gateway: "WRA2012-s131", declared: "job-outcome-verification", candidate: AgencyCode.Council)).Single().Reasons.ShouldHaveSingleItem()
            .ShouldBe("DSA-C@1 flow F1: the event asserts WRA2012-s131 for purpose job-outcome-verification, which WRA2012-s131 does not prescribe");
    }

    [Fact]
    public void When_a_supply_gateway_served_one_purpose_should_not_permit_a_flow_for_another_prescribed_purpose()
    {
        var engine = Engine(Permit(purpose: "troubled-families", extra: "gateway: WRA2012-s131", recipient: "council"));

        var decision = engine.Decide(Request(gateway: "WRA2012-s131", declared: "homelessness-application", candidate: AgencyCode.Council)).Single();

        decision.IsAllowed.ShouldBeFalse();
        decision.Reasons.ShouldHaveSingleItem().ShouldStartWith("DSA-C@1 flow F1: the data was supplied under WRA2012-s131 for purpose homelessness-application and may be used for that purpose only, not for troubled-families");
        engine.Decide(Request(gateway: "WRA2012-s131", declared: "troubled-families", candidate: AgencyCode.Council)).Single().IsAllowed.ShouldBeTrue();
    }

    [Fact]
    public void When_a_duty_to_share_gateway_prescribes_several_purposes_should_permit_any_of_them()
    {
        // ORA 2014 supervision data collected for offender management may go on for resettlement: not a supply gateway.
        var decision = Engine(Permit(purpose: "resettlement-housing")).Decide(Request(gateway: "ORA2014-s7", declared: "offender-management")).Single();

        decision.IsAllowed.ShouldBeTrue();
    }

    [Fact]
    public void When_consent_is_required_unless_the_gateway_applies_should_follow_the_gateway()
    {
        var engine = Engine(Permit(purpose: "offender-management", extra: "gateway: CJA2003-s325\n    consent: required-unless-gateway"));

        engine.Decide(Request(gateway: "CJA2003-s325")).Single().IsAllowed.ShouldBeTrue();
        engine.Decide(Request(gateway: "ORA2014-s7")).Single().Reasons.ShouldHaveSingleItem().ShouldContain("consent is required");
    }

    [Fact]
    public void When_a_flow_pseudonymises_a_released_field_should_report_it()
    {
        var decision = Engine(Permit(fields: "[releaseDate, subject.localId]", extra: "pseudonymise: [subject.localId]"))
            .Decide(Request(present: ["releaseDate", "subject.localId"])).Single();

        decision.PseudonymisedFields.ShouldBe(["subject.localId"]);
    }

    private static AgreementDecisionEngine Engine(string text) =>
        new(AgreementLoader.Load([("c.yaml", text)], new DateOnly(2026, 11, 1)));

    private static ConsentSnapshot Consent(DateTimeOffset? withdrawn = null, DateTimeOffset? expires = null, string[]? purposes = null, AgencyCode[]? recipients = null) =>
        new([new ConsentState("C-123", purposes ?? ["offender-management"], recipients ?? [AgencyCode.Police], new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero), expires, withdrawn)]);

    private static DecisionRequest Request(string json = "{}", string? consentRef = null, string? gateway = null, IConsentView? consents = null, string[]? present = null, string declared = "offender-management", AgencyCode? candidate = null) => new()
    {
        Source = AgencyCode.Probation,
        EventType = "custody.release.scheduled",
        Classification = DataClassification.CriminalOffence,
        Consent = new ConsentTag { ConsentRef = consentRef, LegalGateway = consentRef is null ? gateway ?? "ORA2014-s7" : null, CollectionPurpose = declared },
        Event = JsonDocument.Parse(json).RootElement,
        PresentFields = present ?? ["releaseDate"],
        Candidates = [candidate ?? AgencyCode.Police],
        DecisionTime = At,
        Consents = consents ?? ConsentSnapshot.Empty,
    };

    private static string Permit(string purpose = "offender-management", string fields = "[releaseDate]", string extra = "", string recipient = "police") => $"""
        id: DSA-C
        title: Checks
        version: 1
        status: active
        effective: 2026-01-01
        flows:
          - id: F1
            source: probation
            eventTypes: [custody.release.scheduled]
            recipients: [{recipient}]
            purpose: {purpose}
            lawfulBasis: {"{"} article6: public-task, criminalOffence: sch1-part2-para6 {"}"}
            fields: {fields}
            {extra}
        """;
}
