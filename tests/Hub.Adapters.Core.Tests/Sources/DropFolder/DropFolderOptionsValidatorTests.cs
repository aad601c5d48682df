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

    [Fact]
    public void When_the_defaults_are_used_should_keep_at_least_256_publishes_in_flight() =>
        Valid().MaxInFlight.ShouldBeGreaterThanOrEqualTo(256);
}
