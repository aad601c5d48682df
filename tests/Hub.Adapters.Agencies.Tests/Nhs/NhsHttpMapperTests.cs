using System.Text.Json;
using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts.Agencies;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Health.V1;
using Hub.Contracts.Performance.V1;

namespace Hub.Adapters.Agencies.Tests.Nhs;

public sealed class NhsHttpMapperTests
{
    [Theory]
    [InlineData("health.discharge.planned", "encounter-discharge-planned.json", typeof(DischargePlanned))]
    [InlineData("health.treatment-continuity.required", "medication-request-ost.json", typeof(TreatmentContinuityRequired))]
    [InlineData("employment.referral.created", "service-request-referral.json", typeof(ReferralCreated))]
    [InlineData("performance.indicators.submitted", "measure-report-vital-signs.json", typeof(IndicatorsSubmitted))]
    public void When_a_fhir_resource_is_posted_to_its_event_type_should_map_to_that_event(string eventType, string sample, Type expected)
    {
        var mapping = Post(eventType, sample);

        mapping.Problems.ShouldBeEmpty();
        mapping.Event.ShouldNotBeNull().GetType().ShouldBe(expected);
        mapping.Event.Envelope.Source.ShouldBe(AgencyCode.Nhs);
    }

    [Theory]
    [InlineData("health.discharge.planned", "encounter-discharge-invalid.json", "Encounter.period.end")]
    [InlineData("health.treatment-continuity.required", "medication-request-invalid.json", "MedicationRequest.category")]
    [InlineData("employment.referral.created", "service-request-invalid.json", "ServiceRequest.status")]
    [InlineData("performance.indicators.submitted", "measure-report-individual.json", "MeasureReport.subject")]
    public void When_an_invalid_resource_is_posted_should_refuse_it_naming_the_fhir_path(string eventType, string sample, string field)
    {
        Post(eventType, sample).Problems.ShouldContain(p => p.StartsWith(field + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void When_the_resource_is_not_the_one_the_route_takes_should_name_resource_type()
    {
        Post("health.discharge.planned", "medication-request-ost.json").Problems.ShouldBe(["resourceType: must be Encounter"]);
    }

    [Fact]
    public void When_the_event_type_is_not_one_the_nhs_publishes_should_refuse_it_listing_the_routes()
    {
        var mapping = Post("custody.release.scheduled", "encounter-discharge-planned.json");

        mapping.Problems.ShouldHaveSingleItem().ShouldStartWith("eventType: this adapter has no mapper for it");
        NhsDropSamples.HttpMapper.EventTypes.ShouldBe(
            ["health.discharge.planned", "health.treatment-continuity.required", "employment.referral.created", "performance.indicators.submitted"],
            ignoreOrder: true);
    }

    [Fact]
    public void When_the_same_resource_arrives_over_http_and_in_a_bulk_export_should_carry_the_same_event_id()
    {
        var posted = Post("employment.referral.created", "service-request-referral.json").Event!;
        var dropped = NhsDropSamples.Map("drop/ServiceRequest.ndjson")[0].Event!;

        posted.Envelope.EventId.ShouldBe(dropped.Envelope.EventId);
    }

    private static RecordMapping Post(string eventType, string sample)
    {
        using var body = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.Sample("nhs", sample)));
        var context = new RecordContext(AgencyCode.Nhs, Guid.NewGuid(), $"HTTP {eventType}");
        return NhsDropSamples.Submitter.Prepare(NhsDropSamples.HttpMapper, new HttpIngestRecord(eventType, body.RootElement.Clone()), context);
    }
}
