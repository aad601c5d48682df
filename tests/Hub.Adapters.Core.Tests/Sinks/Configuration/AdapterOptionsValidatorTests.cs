using Hub.Adapters.Core.Configuration;

namespace Hub.Adapters.Core.Tests.Sinks.Configuration;

public sealed class AdapterOptionsValidatorTests
{
    [Fact]
    public void When_concurrency_exceeds_prefetch_should_name_both_settings()
    {
        var result = new AdapterOptionsValidator().Validate(null, new AdapterOptions { Agency = "police", PrefetchCount = 8, ConcurrentMessageLimit = 9 });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Adapter:ConcurrentMessageLimit (9) must not exceed Adapter:PrefetchCount (8)");
    }

    [Fact]
    public void When_concurrency_is_unset_or_within_prefetch_should_pass_and_default_to_64_in_flight()
    {
        new AdapterOptionsValidator().Validate(null, new AdapterOptions { Agency = "police" }).Succeeded.ShouldBeTrue();
        new AdapterOptionsValidator().Validate(null, new AdapterOptions { Agency = "police", ConcurrentMessageLimit = 64 }).Succeeded.ShouldBeTrue();
        new AdapterOptions().PrefetchCount.ShouldBe(64);
    }
}
