using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Contracts.Tests.Envelope;

public class EnvelopeValidationTests
{
    [Fact]
    public void When_every_sample_event_is_checked_should_find_no_problems()
    {
        foreach (var @event in SampleEvents.All())
        {
            @event.Envelope.Validate().ShouldBeEmpty(@event.GetType().Name);
        }
    }

    [Fact]
    public void When_aggregate_event_identifies_a_person_should_be_refused()
    {
        var envelope = SampleEvents.Envelope(AgencyCode.Council, DataClassification.AggregateNonPersonal) with { Subject = new SubjectIdentifiers { Nino = "JY123456C" } };
        envelope.Validate().ShouldContain("an aggregate-non-personal event must not identify a person");
    }

    [Fact]
    public void When_personal_event_has_no_subject_should_be_refused()
    {
        var envelope = SampleEvents.Envelope(AgencyCode.Police) with { Subject = null };
        envelope.Validate().ShouldContain("envelope.subject is required for personal data");
    }

    [Fact]
    public void When_identifier_is_malformed_should_name_the_field_but_not_the_value()
    {
        var envelope = SampleEvents.Envelope(AgencyCode.Nhs) with { Subject = new SubjectIdentifiers { NhsNumber = "9434765918" } };
        var problems = envelope.Validate();
        problems.ShouldHaveSingleItem().ShouldContain("subject.nhsNumber");
        problems.ShouldAllBe(p => !p.Contains("9434765918"));
    }

    [Theory]
    [InlineData(DataClassification.Personal, "personal data")]
    [InlineData(DataClassification.SpecialCategoryHealth, "special-category-health data")]
    [InlineData(DataClassification.CriminalOffence, "criminal-offence data")]
    public void When_a_personal_event_carries_neither_consent_ref_nor_gateway_should_be_refused_naming_the_fields(DataClassification classification, string described)
    {
        var envelope = SampleEvents.Envelope(AgencyCode.Probation, classification) with { Consent = new ConsentTag { CollectionPurpose = "offender-management" } };

        envelope.Validate().ShouldHaveSingleItem().ShouldBe($"envelope.consent must carry exactly one of consentRef or legalGateway for {described}; it carries neither");
    }

    [Fact]
    public void When_a_personal_event_carries_both_consent_ref_and_gateway_should_be_refused_without_quoting_them()
    {
        var envelope = SampleEvents.Envelope(AgencyCode.Probation) with { Consent = new ConsentTag { ConsentRef = "C-4471", LegalGateway = "WRA2012-s131", CollectionPurpose = "p" } };

        var problem = envelope.Validate().ShouldHaveSingleItem();
        problem.ShouldBe("envelope.consent must carry exactly one of consentRef or legalGateway for personal data; it carries both");
        problem.ShouldNotContain("C-4471");
    }

    [Fact]
    public void When_an_aggregate_event_carries_neither_consent_ref_nor_gateway_should_be_accepted()
    {
        var envelope = SampleEvents.Envelope(AgencyCode.Council, DataClassification.AggregateNonPersonal) with { Consent = new ConsentTag { CollectionPurpose = "performance-reporting" } };

        envelope.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void When_an_aggregate_event_carries_a_consent_ref_should_be_refused_naming_the_field_but_not_the_value()
    {
        var envelope = SampleEvents.Envelope(AgencyCode.Council, DataClassification.AggregateNonPersonal) with { Consent = new ConsentTag { ConsentRef = "C-4471", CollectionPurpose = "performance-reporting" } };

        var problem = envelope.Validate().ShouldHaveSingleItem();
        problem.ShouldStartWith("envelope.consent.consentRef must be absent on an aggregate-non-personal event");
        problem.ShouldNotContain("C-4471");
    }

    [Fact]
    public void When_an_aggregate_event_asserts_a_gateway_should_be_refused_naming_the_field()
    {
        var envelope = SampleEvents.Envelope(AgencyCode.Council, DataClassification.AggregateNonPersonal) with { Consent = new ConsentTag { LegalGateway = "none-aggregate-statistics", CollectionPurpose = "performance-reporting" } };

        envelope.Validate().ShouldHaveSingleItem().ShouldStartWith("envelope.consent.legalGateway must be absent on an aggregate-non-personal event");
    }

    [Fact]
    public void When_consent_tag_has_no_collection_purpose_should_be_refused() =>
        new ConsentTag { LegalGateway = "ORA2014-s7", CollectionPurpose = " " }.Validate(DataClassification.CriminalOffence)
            .ShouldHaveSingleItem().ShouldBe("envelope.consent.collectionPurpose is missing");

    [Fact]
    public void When_subject_has_no_identifier_should_be_refused() =>
        new SubjectIdentifiers().Validate().ShouldContain("subject has no identifier");
}
