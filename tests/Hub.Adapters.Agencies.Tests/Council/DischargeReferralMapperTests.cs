using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Council.AdultSocialCare;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Agencies.Tests.Council;

public sealed class DischargeReferralMapperTests
{
    private readonly DischargeReferralMapper _mapper = new();
    private readonly IReadOnlyList<EventDelivered> _deliveries = JsonSamples.Contracts<EventDelivered>("council", "discharge-deliveries.json");

    [Fact]
    public void When_a_discharge_is_delivered_should_become_an_adult_social_care_referral_citing_the_agreement()
    {
        var referral = _mapper.Map(_deliveries[0]).Value.ShouldNotBeNull();

        referral.NhsNumber.ShouldBe("9990000026");
        referral.DischargingOrganisation.ShouldBe("RJ2");
        referral.CarePackageRequired.ShouldBe(true);
        referral.SharedUnder.ShouldBe("DSA-015@1/F1-asc-discharge");
        referral.RetentionDays.ShouldBe(365);
    }

    [Fact]
    public void When_required_fields_were_not_released_should_name_them()
    {
        _mapper.Map(_deliveries[1]).Problems.Select(p => p.Field)
            .ShouldBe(["payload.subject.nhsNumber", "payload.organisation", "payload.plannedDischargeAt"], ignoreOrder: true);
    }

    [Fact]
    public void When_another_event_type_arrives_should_refuse_it()
    {
        _mapper.Map(_deliveries[0] with { EventType = "custody.release.scheduled" }).Problems.ShouldHaveSingleItem().Field.ShouldBe("eventType");
    }
}
