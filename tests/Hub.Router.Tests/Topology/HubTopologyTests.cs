using Hub.Contracts.Topology;

namespace Hub.Router.Tests.Topology;

public sealed class HubTopologyTests
{
    [Theory]
    [InlineData("loopback://localhost/hub.ingress.police", "police")]
    [InlineData("queue:hub.ingress.probation", "probation")]
    [InlineData("rabbitmq://127.0.0.1/agencyhub/hub.ingress.jcp?bind=false", "jcp")]
    [InlineData("rabbitmq://127.0.0.1/agencyhub/hub.ingress.nhs/", "nhs")]
    [InlineData("loopback://localhost/hub.ingress.lewisham-council", "lewisham-council")]
    public void When_the_address_names_an_agency_ingress_queue_should_return_that_agency(string address, string agency)
    {
        HubTopology.TryGetIngressAgency(new Uri(address), out var found).ShouldBeTrue();

        found.Value.ShouldBe(agency);
    }

    [Theory]
    [InlineData("loopback://localhost/hub.ingress.police_error")]
    [InlineData("loopback://localhost/hub.ingress.police_skipped")]
    [InlineData("loopback://localhost/hub.delivery.police")]
    [InlineData("loopback://localhost/hub.submit.police")]
    [InlineData("loopback://localhost/hub.ingress.")]
    [InlineData("loopback://localhost/hub.ingress.Police")]
    [InlineData("loopback://localhost/hub.ingress.p")]
    [InlineData("loopback://localhost/xhub.ingress.police")]
    [InlineData("loopback://localhost/vm_testhost_bus_abc")]
    public void When_the_address_is_not_an_agency_ingress_queue_should_return_false(string address)
    {
        HubTopology.TryGetIngressAgency(new Uri(address), out var found).ShouldBeFalse();

        found.Value.ShouldBeNull();
    }

    [Fact]
    public void When_the_queue_name_comes_from_the_topology_should_round_trip_to_the_agency()
    {
        foreach (var agency in Contracts.Agencies.AgencyCode.WellKnown)
        {
            HubTopology.TryGetIngressAgency(new Uri($"loopback://localhost/{HubTopology.IngressQueue(agency)}"), out var found).ShouldBeTrue();
            found.ShouldBe(agency);
        }
    }
}
