using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Police.Iom;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Agencies.Tests.Police;

public sealed class IomNominalMapperTests
{
    private readonly IomNominalMapper _mapper = new();
    private readonly IReadOnlyList<EventDelivered> _deliveries = JsonSamples.Contracts<EventDelivered>("police", "release-deliveries.json");

    [Fact]
    public void When_a_release_notice_is_delivered_should_update_the_iom_nominal_keyed_on_the_pnc_id()
    {
        var update = _mapper.Map(_deliveries[0]).Value.ShouldNotBeNull();

        update.PncId.ShouldBe("2019/0123456E");
        update.ReleaseDate.ShouldBe(new DateOnly(2026, 11, 30));
        update.CohortTier.ShouldBe("IOM");
        update.Amendment.ShouldBeFalse();
        update.OnwardSharingForbidden.ShouldBeTrue();
        update.SharedUnder.ShouldBe("DSA-001@3/F1-police-iom");
    }

    [Fact]
    public void When_an_amendment_lacks_the_pnc_id_and_has_a_bad_date_should_name_both_fields_without_values()
    {
        var result = _mapper.Map(_deliveries[1]);

        result.Problems.Select(p => p.Field).ShouldBe(["payload.subject.pncId", "payload.releaseDate"], ignoreOrder: true);
        result.Problems.ShouldAllBe(p => !p.ToString().Contains("28/11/2026"));
    }
}
