namespace Hub.Adapters.Core.Tests.Health;

/// <summary>The probe finds the listener's port from the same Health__Urls the listener binds.</summary>
public sealed class HealthProbeUriTests
{
    [Theory]
    [InlineData("http://+:8081", "ready", "http://127.0.0.1:8081/health/ready")]
    [InlineData("http://0.0.0.0:9000;http://[::]:9000", "live", "http://127.0.0.1:9000/health/live")]
    [InlineData("http://10.1.2.3:8081/", "ready", "http://10.1.2.3:8081/health/ready")]
    public void When_the_listen_urls_are_usable_should_probe_loopback_on_their_port(string urls, string kind, string expected)
    {
        HealthProbe.HealthProbe.ProbeUri(urls, kind).ShouldBe(new Uri(expected));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http://+")]
    [InlineData("http://+:99999")]
    public void When_the_listen_urls_are_missing_or_invalid_should_give_no_address(string? urls)
    {
        HealthProbe.HealthProbe.ProbeUri(urls, "ready").ShouldBeNull();
    }
}
