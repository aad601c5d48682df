using Hub.Adapters.Nhs.Fhir.Semantics;
using Hub.Adapters.Nhs.Referrals;
using Hub.Contracts.Health.V1;

namespace Hub.Adapters.Agencies.Tests.Nhs.Semantics;

public sealed class ServiceRequestSemanticsTests
{
    private readonly ServiceRequestReferralMapper _mapper = new();

    [Theory]
    [InlineData("", "ServiceRequest.modifierExtension[0]")]
    [InlineData("contained[0]", "ServiceRequest.contained[0].modifierExtension[0]")]
    public void When_a_modifier_extension_is_not_understood_should_refuse_the_referral(string on, string path)
    {
        var result = _mapper.Map(FhirVariant.ServiceRequest().WithModifier(on).Text);

        result.Value.ShouldBeNull();
        result.Problems.ShouldHaveSingleItem().Field.ShouldBe(path);
        result.Problems[0].Problem.ShouldStartWith(FhirReasonCodes.ModifierNotUnderstood);
    }

    [Fact]
    public void When_implicit_rules_are_declared_should_refuse_the_referral()
    {
        _mapper.Map(FhirVariant.ServiceRequest().Set("implicitRules", "https://fhir.example.org/rules").Text)
            .Problems.Select(p => p.Field).ShouldBe(["ServiceRequest.implicitRules"]);
    }

    [Fact]
    public void When_the_request_is_a_do_not_perform_should_publish_no_referral()
    {
        _mapper.Map(FhirVariant.ServiceRequest().Set("doNotPerform", true).Text)
            .Problems.Select(p => p.Field).ShouldBe(["ServiceRequest.doNotPerform"]);
    }

    [Theory]
    [InlineData("proposal")]
    [InlineData("option")]
    public void When_the_intent_is_no_intention_to_act_should_publish_no_referral(string intent) =>
        _mapper.Map(FhirVariant.ServiceRequest().Set("intent", intent).Text).Problems.Select(p => p.Field).ShouldBe(["ServiceRequest.intent"]);

    [Theory]
    [InlineData("entered-in-error", RetractionReasons.EnteredInError)]
    [InlineData("revoked", RetractionReasons.Withdrawn)]
    public void When_a_referral_is_taken_back_should_retract_the_referral_event_under_its_consent(string status, string reason)
    {
        var published = _mapper.Map(FhirVariant.ServiceRequest().Version("1").Text).Value.ShouldNotBeNull();

        var retraction = _mapper.MapOrRetract(FhirVariant.ServiceRequest().Set("status", status).Version("2").Json).Value.ShouldBeOfType<RecordRetracted>();

        retraction.Reason.ShouldBe(reason);
        retraction.RetractedEventType.ShouldBe("employment.referral.created");
        retraction.RetractedEventIds.ShouldContain(published.Envelope.EventId);
        retraction.Envelope.Consent.ConsentRef.ShouldBe("P-ELFT-3307");
        retraction.Envelope.Subject!.Nino.ShouldBe("JY112358B");
    }
}
