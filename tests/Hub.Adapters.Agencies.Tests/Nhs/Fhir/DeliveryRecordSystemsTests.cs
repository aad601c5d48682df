using Hl7.Fhir.Model;
using Hub.Adapters.Nhs.Fhir;

namespace Hub.Adapters.Agencies.Tests.Nhs.Fhir;

/// <summary>
/// Records name the patient on the NHS number system and the hub's own codes and identifiers under the configured
/// canonical base: never the demo's <c>.example</c> host, which only the shipped appsettings and samples use.
/// </summary>
public sealed class DeliveryRecordSystemsTests
{
    public static TheoryData<string> Kinds => WrittenRecords.Names;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void When_a_record_is_written_should_name_no_example_host(string kind)
    {
        WrittenRecords.Json(kind).ShouldNotContain(".example", Case.Insensitive);
    }

    [Fact]
    public void When_a_notice_is_written_should_put_its_hub_identifiers_and_codes_under_the_configured_base_and_the_patient_on_the_nhs_number_system()
    {
        var communication = (Communication)WrittenRecords.Read("release amended");

        communication.Identifier.ShouldHaveSingleItem().System.ShouldBe(WrittenRecords.CanonicalBase + "/Id/delivery");
        communication.Topic!.Coding.ShouldHaveSingleItem().System.ShouldBe(WrittenRecords.CanonicalBase + "/CodeSystem/event-type");
        communication.Sender!.Identifier!.System.ShouldBe(WrittenRecords.CanonicalBase + "/CodeSystem/agency");
        communication.About.ShouldHaveSingleItem().Identifier!.System.ShouldBe(WrittenRecords.CanonicalBase + "/Id/event");
        communication.Subject!.Identifier!.System.ShouldBe("https://fhir.nhs.uk/Id/nhs-number");
    }

    [Fact]
    public void When_indicators_are_written_should_put_the_measure_period_indicators_and_reporter_under_the_configured_base()
    {
        var report = (MeasureReport)WrittenRecords.Read("indicators submitted");

        report.Measure.ShouldBe(WrittenRecords.CanonicalBase + "/Measure/performance-indicators");
        report.Identifier.Select(i => i.System).ShouldBe([WrittenRecords.CanonicalBase + "/Id/delivery", WrittenRecords.CanonicalBase + "/Id/reporting-period"]);
        report.Reporter!.Identifier!.System.ShouldBe(WrittenRecords.CanonicalBase + "/CodeSystem/agency");
        report.Group.ShouldAllBe(g => g.Code!.Coding[0].System == WrittenRecords.CanonicalBase + "/CodeSystem/performance-indicator");
    }

    [Theory]
    [InlineData("")]
    [InlineData("fhir.hub.test")]
    [InlineData("http://fhir.hub.test")]
    [InlineData("https://fhir.hub.test/?v=1")]
    [InlineData("https://fhir.hub.test/#r4")]
    [InlineData("https://user@fhir.hub.test")]
    public void When_the_canonical_base_is_not_a_plain_https_url_should_refuse_it(string canonicalBase)
    {
        HubFhirSystems.IsCanonicalBase(canonicalBase).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => new HubFhirSystems(canonicalBase));
    }
}
