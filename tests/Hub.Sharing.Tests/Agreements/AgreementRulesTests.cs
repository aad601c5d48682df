using Hub.Sharing.Agreements;
using Hub.Sharing.Vocabulary;

namespace Hub.Sharing.Tests.Agreements;

/// <summary>The checks an IG reviewer would make, each with its location and, where possible, a suggestion.</summary>
public class AgreementRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void When_health_fields_are_released_without_article_9_and_schedule_1_should_be_an_error()
    {
        var error = ErrorsOf(Flow(fields: "[releaseDate, mentalHealthFlag]")).ShouldHaveSingleItem();
        error.Message.ShouldContain("releases health data (mentalHealthFlag) without an Art. 9 condition and a DPA 2018 Schedule 1 condition");
        error.Line.ShouldBe(14);
    }

    [Fact]
    public void When_health_fields_have_both_conditions_should_be_accepted() =>
        ErrorsOf(Flow(fields: "[releaseDate, mentalHealthFlag]", basis: "{ article6: public-task, article9: health-or-social-care, schedule1: sch1-part1-para2, criminalOffence: sch1-part2-para6 }")).ShouldBeEmpty();

    [Fact]
    public void When_health_fields_rest_on_explicit_consent_and_consent_is_required_should_need_no_schedule_1_condition() =>
        AgreementLoader.Lint([("r.yaml", Flow(fields: "[releaseDate, mentalHealthFlag]", basis: ExplicitConsentBasis, extra: "consent: required"))], Today).Diagnostics.ShouldBeEmpty();

    [Fact]
    public void When_explicit_consent_is_relied_on_and_consent_is_not_required_should_point_at_the_consent_key()
    {
        var error = ErrorsOf(Flow(fields: "[releaseDate, mentalHealthFlag]", basis: ExplicitConsentBasis, extra: "consent: not-required")).ShouldHaveSingleItem();
        error.Message.ShouldBe("DSA-R flow F1 relies on Art. 9(2)(a) explicit consent but does not require consent (consent is not-required)");
        error.Suggestion.ShouldBe("add consent: required, or rely on another Art. 9 condition with its Schedule 1 condition");
        (error.Line, error.Column).ShouldBe((17, 14));
    }

    [Fact]
    public void When_explicit_consent_is_relied_on_and_the_flow_says_nothing_about_consent_should_point_at_the_article_9_condition()
    {
        var error = ErrorsOf(Flow(fields: "[releaseDate, mentalHealthFlag]", basis: ExplicitConsentBasis)).ShouldHaveSingleItem();
        error.Message.ShouldBe("DSA-R flow F1 relies on Art. 9(2)(a) explicit consent but does not require consent (consent is not-required by default)");
        (error.Line, error.Column).ShouldBe((14, 53));
    }

    [Fact]
    public void When_explicit_consent_is_relied_on_and_a_gateway_can_stand_in_for_consent_should_be_an_error()
    {
        var error = ErrorsOf(Flow(fields: "[releaseDate, mentalHealthFlag]", basis: ExplicitConsentBasis, extra: "gateway: ORA2014-s7\n    consent: required-unless-gateway")).ShouldHaveSingleItem();
        error.Message.ShouldContain("relies on Art. 9(2)(a) explicit consent but consent is required-unless-gateway");
        error.Suggestion.ShouldBe("set consent: required and remove the gateway, or rely on another Art. 9 condition with its Schedule 1 condition");
        (error.Line, error.Column).ShouldBe((18, 14));
    }

    [Fact]
    public void When_explicit_consent_is_given_a_schedule_1_condition_should_warn_that_it_is_not_relied_on()
    {
        var result = AgreementLoader.Lint([("r.yaml", Flow(fields: "[releaseDate, mentalHealthFlag]", basis: "{ article6: public-task, article9: explicit-consent, schedule1: sch1-part1-para2, criminalOffence: sch1-part2-para6 }", extra: "consent: required"))], Today);

        result.HasErrors.ShouldBeFalse();
        var warning = result.Diagnostics.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.Message.ShouldBe("DSA-R flow F1: Art. 9(2)(a) explicit consent needs no DPA 2018 Schedule 1 condition, so schedule1 sch1-part1-para2 is not relied on");
        (warning.Line, warning.Column).ShouldBe((14, 82));
    }

    [Fact]
    public void When_health_or_social_care_has_no_schedule_1_condition_should_name_the_one_it_needs()
    {
        var error = ErrorsOf(Flow(fields: "[releaseDate, mentalHealthFlag]", basis: "{ article6: public-task, article9: health-or-social-care, criminalOffence: sch1-part2-para6 }")).ShouldHaveSingleItem();
        error.Message.ShouldBe("DSA-R flow F1 releases health data (mentalHealthFlag) under Art. 9(2)(h) health or social care without a DPA 2018 Schedule 1 condition");
        error.Suggestion.ShouldBe("add lawfulBasis.schedule1: sch1-part1-para2");
        (error.Line, error.Column).ShouldBe((14, 18));
    }

    [Theory]
    [InlineData("health-or-social-care", "sch1-part2-para6", "sch1-part1-para2")]
    [InlineData("employment-social-security", "sch1-part1-para2", "sch1-part1-para1")]
    [InlineData("substantial-public-interest", "sch1-part1-para2", "one of sch1-part2-para6 to sch1-part2-para28")]
    [InlineData("substantial-public-interest", "sch1-part2-para5", "one of sch1-part2-para6 to sch1-part2-para28")]
    public void When_the_schedule_1_condition_does_not_go_with_the_article_9_condition_should_point_at_it(string article9, string schedule1, string needed)
    {
        var error = ErrorsOf(Flow(fields: "[releaseDate, mentalHealthFlag]", basis: $"{{ article6: public-task, article9: {article9}, schedule1: {schedule1}, criminalOffence: sch1-part2-para6 }}")).ShouldHaveSingleItem();
        error.Message.ShouldEndWith($"schedule1 {schedule1} does not go with {LawfulBasesMeaning(article9)}, which needs {needed}");
        (error.Line, error.Column).ShouldBe((14, 17 + $"{{ article6: public-task, article9: {article9}, schedule1: ".Length + 1));
    }

    [Theory]
    [InlineData("substantial-public-interest", "sch1-part2-para18")]
    [InlineData("public-health", "sch1-part1-para3")]
    [InlineData("archiving-research-statistics", "sch1-part1-para4")]
    public void When_the_schedule_1_condition_goes_with_the_article_9_condition_should_be_accepted(string article9, string schedule1) =>
        ErrorsOf(Flow(fields: "[releaseDate, mentalHealthFlag]", basis: $"{{ article6: public-task, article9: {article9}, schedule1: {schedule1}, criminalOffence: sch1-part2-para6 }}")).ShouldBeEmpty();

    [Fact]
    public void When_offence_data_is_shared_without_a_criminal_offence_condition_should_be_an_error() =>
        ErrorsOf(Flow(basis: "{ article6: public-task }")).ShouldHaveSingleItem().Message.ShouldContain("criminal offence data without a DPA 2018 s10(5) condition");

    [Fact]
    public void When_purpose_is_misspelt_should_suggest_the_vocabulary_word()
    {
        var error = ErrorsOf(Flow(purpose: "ofender-management")).ShouldHaveSingleItem();
        error.Message.ShouldContain("purpose 'ofender-management' is not in the purpose vocabulary");
        error.Suggestion.ShouldBe("did you mean 'offender-management'?");
        (error.Line, error.Column).ShouldBe((13, 14));
    }

    [Fact]
    public void When_field_is_misspelt_should_point_at_it_and_suggest()
    {
        var error = ErrorsOf(Flow(fields: "[releaseDate, establishmnt]")).ShouldHaveSingleItem();
        error.Message.ShouldContain("field 'establishmnt' does not exist on custody.release.scheduled");
        error.Suggestion.ShouldBe("did you mean 'establishment'?");
        (error.Line, error.Column).ShouldBe((15, 27));
    }

    [Fact]
    public void When_gateway_does_not_prescribe_the_purpose_should_be_an_error() =>
        ErrorsOf(Flow(purpose: "law-enforcement", extra: "gateway: WRA2012-s131")).ShouldContain(e => e.Message.Contains("purpose 'law-enforcement' is not one of the purposes WRA2012-s131 prescribes"));

    [Fact]
    public void When_consent_is_required_unless_a_gateway_but_none_is_named_should_be_an_error() =>
        ErrorsOf(Flow(extra: "consent: required-unless-gateway")).ShouldHaveSingleItem().Message.ShouldContain("names no gateway");

    [Fact]
    public void When_a_flow_on_aggregate_events_requires_consent_should_say_it_can_never_apply()
    {
        var error = ErrorsOf(Aggregate("consent: required")).ShouldHaveSingleItem();
        error.Message.ShouldBe("DSA-A flow F1: performance.indicators.submitted is aggregate-non-personal, so its events carry no consent reference and a flow that requires consent can never apply");
        error.Suggestion.ShouldBe("remove consent: aggregate data needs none");
        (error.Line, error.Column).ShouldBe((15, 14));
    }

    [Fact]
    public void When_a_flow_on_aggregate_events_needs_neither_consent_nor_a_gateway_should_be_accepted() =>
        AgreementLoader.Lint([("a.yaml", Aggregate("consent: not-required"))], Today).Diagnostics.ShouldBeEmpty();

    [Fact]
    public void When_recipient_is_not_a_party_should_be_an_error() =>
        ErrorsOf(Flow(parties: "[probation, jcp]")).ShouldHaveSingleItem().Message.ShouldContain("police is not a party to this agreement");

    [Fact]
    public void When_condition_names_an_unknown_field_should_be_an_error() =>
        ErrorsOf(Flow(extra: "conditions: [{ field: shoeSize, equals: 9 }]")).ShouldHaveSingleItem().Message.ShouldContain("condition field 'shoeSize' does not exist");

    [Fact]
    public void When_pseudonymised_field_is_not_released_should_be_an_error() =>
        ErrorsOf(Flow(extra: "pseudonymise: [subject.nino]")).ShouldHaveSingleItem().Message.ShouldContain("'subject.nino' is pseudonymised but not released");

    [Fact]
    public void When_an_active_agreement_has_expired_should_warn_at_its_expires_line_and_still_load()
    {
        var result = AgreementLoader.Lint([("r.yaml", Flow(expires: "2026-11-01", review: "2026-06-01"))], Today);

        result.HasErrors.ShouldBeFalse();
        result.Set.ShouldNotBeNull().Agreements.ShouldHaveSingleItem();
        var warning = result.Diagnostics.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.ToString().ShouldStartWith("r.yaml:8:10: warning: DSA-R@1 expired on 2026-11-01 but is still active; it permits nothing from that day");
        warning.Suggestion!.ShouldContain("set status: retired");
    }

    [Fact]
    public void When_review_date_has_passed_should_warn_but_still_load()
    {
        var result = AgreementLoader.Lint([("r.yaml", Flow(review: "2026-10-01"))], Today);

        result.HasErrors.ShouldBeFalse();
        result.Set.ShouldNotBeNull();
        var warning = result.Diagnostics.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.Message.ShouldBe("DSA-R@1 was due for review on 2026-10-01");
    }

    [Fact]
    public void When_two_permits_release_different_fields_to_the_same_recipient_should_warn()
    {
        var result = AgreementLoader.Lint([("a.yaml", Flow()), ("b.yaml", Flow(id: "DSA-S", fields: "[releaseDate]"))], Today);

        result.HasErrors.ShouldBeFalse();
        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("is permitted by DSA-R@1 flow F1 and DSA-S@1 flow F1 with different fields");
    }

    [Fact]
    public void When_a_sample_agreement_is_linted_should_have_no_diagnostics()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
        AgreementLoader.Lint(AgreementLoader.ReadDirectory(folder), Today).Diagnostics.ShouldBeEmpty();
    }

    private const string ExplicitConsentBasis = "{ article6: public-task, article9: explicit-consent, criminalOffence: sch1-part2-para6 }";

    private static string LawfulBasesMeaning(string article9) => LawfulBases.Article9.Single(t => t.Id == article9).Meaning;

    private static IReadOnlyList<AgreementDiagnostic> ErrorsOf(string text) =>
        [.. AgreementLoader.Lint([("r.yaml", text)], Today).Diagnostics.Where(d => d.IsError)];

    private static string Aggregate(string extra) => $"""
        id: DSA-A
        title: Aggregate rules test
        version: 1
        status: active
        effective: 2026-01-01
        expires: 2028-01-01
        flows:
          - id: F1
            source: council
            eventTypes: [performance.indicators.submitted]
            recipients: [nhs]
            purpose: performance-reporting
            lawfulBasis:
              article6: public-task
            {extra}
            fields: [period, indicators]
        """;

    private static string Flow(
        string id = "DSA-R",
        string purpose = "offender-management",
        string fields = "[releaseDate, establishment]",
        string basis = "{ article6: public-task, criminalOffence: sch1-part2-para6 }",
        string extra = "",
        string parties = "[probation, police]",
        string expires = "2028-01-01",
        string review = "2027-06-01") => $"""
        id: {id}
        title: Rules test
        version: 1
        status: active
        parties: {parties}
        effective: 2026-01-01
        review: {review}
        expires: {expires}
        flows:
          - id: F1
            source: probation
            eventTypes: [custody.release.scheduled]
            purpose: {purpose}
            lawfulBasis: {basis}
            fields: {fields}
            recipients: [police]
            {extra}
        """;
}
