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
    [InlineData("C-1", "WRA2012-s131")]
    [InlineData(null, null)]
    public void When_consent_tag_has_both_or_neither_footing_should_be_refused(string? consentRef, string? gateway)
    {
        var tag = new ConsentTag { ConsentRef = consentRef, LegalGateway = gateway, CollectionPurpose = "p" };
        tag.Validate().ShouldContain("consent tag must carry exactly one of consentRef or legalGateway");
    }

    [Fact]
    public void When_subject_has_no_identifier_should_be_refused() =>
        new SubjectIdentifiers().Validate().ShouldContain("subject has no identifier");
}
