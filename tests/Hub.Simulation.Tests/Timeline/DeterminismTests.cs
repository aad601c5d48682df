using Hub.Simulation.Formats;
using Hub.Simulation.Running;
using Hub.Simulation.Timeline;

namespace Hub.Simulation.Tests.Timeline;

public sealed class DeterminismTests
{
    [Fact]
    public void When_generated_twice_with_one_seed_should_write_identical_files()
    {
        Files(Timelines.Generate(days: 21, seed: 11)).ShouldBe(Files(Timelines.Generate(days: 21, seed: 11)));
    }

    [Fact]
    public void When_seeds_differ_should_differ_in_records_and_never_share_a_record_key()
    {
        var first = Timelines.Generate(days: 21, seed: 11);
        var second = Timelines.Generate(days: 21, seed: 12);

        Files(first).ShouldNotBe(Files(second));
        first.Records.Select(r => r.Key).Intersect(second.Records.Select(r => r.Key), StringComparer.Ordinal).ShouldBeEmpty();
    }

    [Fact]
    public void When_windows_overlap_should_agree_on_the_records_of_the_shared_days()
    {
        var longer = Timelines.Generate(days: 28, seed: 5);
        var later = Timelines.Generate(days: 14, seed: 5, start: new DateOnly(2026, 1, 19));
        static bool Originating(ISimulatedRecord r) => r.Kind is RecordKind.ReleaseNotice or RecordKind.HousingApplication;
        var expected = longer.Records.Where(r => r.At >= later.Settings.WindowStart && Originating(r)).Select(r => r.Key).ToList();

        expected.ShouldNotBeEmpty();
        later.Records.Where(Originating).Select(r => r.Key).ShouldBe(expected);
    }

    private static List<string> Files(SimulationTimeline timeline) =>
        [.. Batching.Split(timeline, TimeSpan.FromDays(1)).Select(b => Convert.ToBase64String(DropFileRenderer.Render(b.Kind, b.Records)))];
}
