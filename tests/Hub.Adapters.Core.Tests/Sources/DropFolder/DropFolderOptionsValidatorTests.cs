using Hub.Adapters.Core.Sources.DropFolder;

namespace Hub.Adapters.Core.Tests.Sources.DropFolder;

public sealed class DropFolderOptionsValidatorTests
{
    private static DropFolderOptions Valid() => new() { Enabled = true, Path = "/srv/drop" };

    [Fact]
    public void When_the_defaults_are_used_should_pass() =>
        new DropFolderOptionsValidator().Validate(null, Valid()).Succeeded.ShouldBeTrue();

    [Theory]
    [InlineData(0, 1000, "CheckpointEvery must be between 1 and 10000 rows")]
    [InlineData(10_001, 1000, "CheckpointEvery must be between 1 and 10000 rows")]
    [InlineData(50, 0, "CheckpointInterval must be above 00:00:00")]
    public void When_the_checkpoint_cadence_is_out_of_range_should_name_the_setting(int every, int intervalMs, string message)
    {
        var options = Valid();
        (options.CheckpointEvery, options.CheckpointInterval) = (every, TimeSpan.FromMilliseconds(intervalMs));

        var result = new DropFolderOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Adapter:Sources:DropFolder:" + message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4097)]
    public void When_the_publishes_in_flight_are_out_of_range_should_name_the_setting(int maxInFlight)
    {
        var options = Valid();
        options.MaxInFlight = maxInFlight;

        var result = new DropFolderOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Adapter:Sources:DropFolder:MaxInFlight must be between 1 and 4096 publishes.");
    }

    [Theory]
    [InlineData(0, 64, "PrepareParallelism must be between 1 and 256 rows mapped at once.")]
    [InlineData(257, 512, "PrepareParallelism must be between 1 and 256 rows mapped at once.")]
    [InlineData(8, 4, "PrepareAhead must be between PrepareParallelism (8) and 4096 rows.")]
    [InlineData(2, 4097, "PrepareAhead must be between PrepareParallelism (2) and 4096 rows.")]
    public void When_the_mapping_ahead_is_out_of_range_should_name_the_setting(int parallelism, int ahead, string message)
    {
        var options = Valid();
        (options.PrepareParallelism, options.PrepareAhead) = (parallelism, ahead);

        var result = new DropFolderOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Adapter:Sources:DropFolder:" + message);
    }

    [Fact]
    public void When_the_defaults_are_used_should_map_on_every_core_within_the_look_ahead()
    {
        var options = Valid();

        options.PrepareParallelism.ShouldBe(Math.Min(Environment.ProcessorCount, 32));
        options.PrepareAhead.ShouldBeGreaterThanOrEqualTo(options.PrepareParallelism);
    }

    [Fact]
    public void When_the_defaults_are_used_should_keep_at_least_256_publishes_in_flight() =>
        Valid().MaxInFlight.ShouldBeGreaterThanOrEqualTo(256);
}
