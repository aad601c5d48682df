using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts.Agencies;
using Hub.Contracts.Health.V1;

namespace Hub.Adapters.Agencies.Tests.Nhs.Semantics;

/// <summary>What the sources publish (the SDK's map-and-validate step included) for a version that retracts or must not be acted on.</summary>
public sealed class NhsSourceRetractionTests
{
    [Fact]
    public void When_an_entered_in_error_request_is_posted_to_its_route_should_prepare_a_valid_retraction()
    {
        var mapping = Post("health.treatment-continuity.required", FhirVariant.MedicationRequest().Set("status", "entered-in-error").Version("2"));

        mapping.Problems.ShouldBeEmpty();
        mapping.Event.ShouldBeOfType<RecordRetracted>().RetractedEventType.ShouldBe("health.treatment-continuity.required");
    }

    [Fact]
    public void When_a_request_with_an_unknown_modifier_is_posted_should_refuse_it_with_the_reason_code_and_path()
    {
        var mapping = Post("employment.referral.created", FhirVariant.ServiceRequest().WithModifier(""));

        mapping.Event.ShouldBeNull();
        mapping.Problems.ShouldHaveSingleItem().ShouldStartWith("ServiceRequest.modifierExtension[0]: fhir-modifier-not-understood");
    }

    [Fact]
    public void When_a_mixed_export_holds_a_revoked_referral_should_map_it_to_a_retraction()
    {
        var mapping = NhsDropSamples.Submitter.Prepare(
            NhsDropSamples.FolderMapper,
            new DropFolderRecord("fhir-resources.json", 1, FhirVariant.ServiceRequest().Set("status", "revoked").Version("3").Json),
            new RecordContext(AgencyCode.Nhs, Guid.NewGuid(), "fhir-resources.json row 1"));

        mapping.Event.ShouldBeOfType<RecordRetracted>().Reason.ShouldBe(RetractionReasons.Withdrawn);
    }

    private static RecordMapping Post(string eventType, FhirVariant resource) =>
        NhsDropSamples.Submitter.Prepare(NhsDropSamples.HttpMapper, new HttpIngestRecord(eventType, resource.Json), new RecordContext(AgencyCode.Nhs, Guid.NewGuid(), $"HTTP {eventType}"));
}
