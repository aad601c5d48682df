using Hub.Adapters.Nhs.Fhir.Semantics;
using Hub.Adapters.Nhs.TreatmentContinuity;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;

namespace Hub.Adapters.Agencies.Tests.Nhs.Semantics;

public sealed class MedicationRequestSemanticsTests
{
    private readonly MedicationRequestContinuityMapper _mapper = new();

    [Theory]
    [InlineData("entered-in-error")]
    [InlineData("cancelled")]
    [InlineData("stopped")]
    [InlineData("on-hold")]
    [InlineData("draft")]
    [InlineData("completed")]
    [InlineData("unknown")]
    public void When_the_status_says_not_to_act_should_publish_no_continuity_event_and_name_the_path_not_the_value(string status)
    {
        var result = _mapper.Map(FhirVariant.MedicationRequest().Set("status", status).Text);

        result.Value.ShouldBeNull();
        result.Problems.Select(p => p.ToString()).ShouldBe([$"MedicationRequest.status: {FhirReasonCodes.NotActionable} (this status means the resource is not to be acted on for this share; see the adapter's README)"]);
        result.Problems.ShouldAllBe(p => !p.ToString().Contains(status, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("proposal")]
    [InlineData("option")]
    public void When_the_intent_is_no_intention_to_act_should_publish_nothing(string intent)
    {
        var result = _mapper.Map(FhirVariant.MedicationRequest().Set("intent", intent).Text);

        result.Problems.Select(p => p.Field).ShouldBe(["MedicationRequest.intent"]);
        result.Problems[0].Problem.ShouldStartWith(FhirReasonCodes.NotActionable);
    }

    [Fact]
    public void When_the_request_is_a_do_not_perform_should_publish_nothing()
    {
        var result = _mapper.Map(FhirVariant.MedicationRequest().Set("doNotPerform", true).Text);

        result.Problems.Select(p => p.Field).ShouldBe(["MedicationRequest.doNotPerform"]);
    }

    [Theory]
    [InlineData("", "MedicationRequest.modifierExtension[0]")]
    [InlineData("dosageInstruction[0]", "MedicationRequest.dosageInstruction[0].modifierExtension[0]")]
    [InlineData("dispenseRequest", "MedicationRequest.dispenseRequest.modifierExtension[0]")]
    public void When_a_modifier_extension_is_not_understood_should_refuse_at_its_path_naming_the_url_only(string on, string path)
    {
        var result = _mapper.Map(FhirVariant.MedicationRequest().WithModifier(on).Text);

        result.Value.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Field.ShouldBe(path);
        problem.Problem.ShouldStartWith(FhirReasonCodes.ModifierNotUnderstood);
        problem.Problem.ShouldContain(FhirVariant.UnknownModifierUrl);
        problem.Problem.ShouldNotContain("9990000131");
    }

    [Fact]
    public void When_a_published_request_is_entered_in_error_should_retract_the_event_its_earlier_version_published()
    {
        var published = _mapper.Map(FhirVariant.MedicationRequest().Text).Value.ShouldNotBeNull();

        var mapping = _mapper.MapOrRetract(FhirVariant.MedicationRequest().Set("status", "entered-in-error").Version("2").Json);

        mapping.Problems.ShouldBeEmpty();
        var retraction = mapping.Value.ShouldBeOfType<RecordRetracted>();
        retraction.RetractedEventIds.ShouldContain(published.Envelope.EventId);
        retraction.RetractedEventIds.Count.ShouldBe(2);
        retraction.RetractedEventType.ShouldBe("health.treatment-continuity.required");
        retraction.Reason.ShouldBe(RetractionReasons.EnteredInError);
        retraction.Envelope.Classification.ShouldBe(DataClassification.SpecialCategoryHealth);
        retraction.Envelope.Subject!.NhsNumber.ShouldBe(published.Envelope.Subject!.NhsNumber);
        retraction.Envelope.Consent.ShouldBe(published.Envelope.Consent);
        retraction.Envelope.EventId.ShouldNotBe(published.Envelope.EventId);
        retraction.Envelope.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void When_a_cancelled_request_is_read_twice_should_retract_under_the_same_event_id()
    {
        var first = _mapper.MapOrRetract(FhirVariant.MedicationRequest().Set("status", "cancelled").Version("4").Json).Value.ShouldBeOfType<RecordRetracted>();
        var again = _mapper.MapOrRetract(FhirVariant.MedicationRequest().Set("status", "cancelled").Version("4").Json).Value.ShouldBeOfType<RecordRetracted>();

        again.Envelope.EventId.ShouldBe(first.Envelope.EventId);
        first.Reason.ShouldBe(RetractionReasons.Withdrawn);
        first.RetractedEventIds.Count.ShouldBe(4);
    }

    [Fact]
    public void When_a_stopped_request_is_read_should_retract_nothing_and_publish_nothing()
    {
        var mapping = _mapper.MapOrRetract(FhirVariant.MedicationRequest().Set("status", "stopped").Version("2").Json);

        mapping.Value.ShouldBeNull();
        mapping.Problems.Select(p => p.Field).ShouldBe(["MedicationRequest.status"]);
    }

    [Fact]
    public void When_an_entered_in_error_request_carries_an_unknown_modifier_should_refuse_rather_than_retract()
    {
        var mapping = _mapper.MapOrRetract(FhirVariant.MedicationRequest().Set("status", "entered-in-error").Version("2").WithModifier("").Json);

        mapping.Value.ShouldBeNull();
        mapping.Problems.Select(p => p.Field).ShouldBe(["MedicationRequest.modifierExtension[0]"]);
    }

    [Fact]
    public void When_an_entered_in_error_request_has_no_last_updated_should_refuse_the_retraction_naming_it()
    {
        var mapping = _mapper.MapOrRetract(FhirVariant.MedicationRequest().Set("status", "entered-in-error").Set("meta", new System.Text.Json.Nodes.JsonObject { ["versionId"] = "2" }).Json);

        mapping.Problems.Select(p => p.Field).ShouldBe(["MedicationRequest.meta.lastUpdated"]);
    }
}
