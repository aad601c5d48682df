using Hl7.Fhir.Model;

namespace Hub.Adapters.Agencies.Tests.Nhs.Fhir;

/// <summary>
/// A record claims a UK Core profile only where UK Core has one and the record conforms: Communication yes,
/// MeasureReport none (UK Core defines no MeasureReport profile).
/// </summary>
public sealed class DeliveryRecordProfileTests
{
    [Theory]
    [InlineData("release scheduled")]
    [InlineData("release scheduled, no NHS number released")]
    [InlineData("release amended")]
    [InlineData("lead professional changed")]
    public void When_a_notice_is_written_should_claim_the_uk_core_communication_profile(string kind)
    {
        WrittenRecords.Read(kind).Meta!.Profile.ShouldBe(["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Communication"]);
    }

    [Fact]
    public void When_indicators_are_written_should_claim_no_profile()
    {
        WrittenRecords.Read("indicators submitted").Meta?.Profile.ShouldBeEmpty();
    }
}
