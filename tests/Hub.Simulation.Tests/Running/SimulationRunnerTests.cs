using Hub.Simulation.Formats;
using Hub.Simulation.Output;
using Hub.Simulation.Running;
using Hub.Simulation.Tests.Timeline;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Simulation.Tests.Running;

public sealed class SimulationRunnerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "agencyhub-runner-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task When_the_simulated_clock_has_not_reached_a_batch_end_should_not_write_it_yet()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        var timeline = Timelines.Generate(days: 2, start: new DateOnly(2026, 11, 23));
        var batches = Batching.Split(timeline, TimeSpan.FromDays(1));
        var written = new List<SimulationBatch>();
        var run = new SimulationRunner(new DropFolderTarget(_root), time).RunAsync(timeline, TimeSpan.FromDays(1), speedup: 86_400, (b, _) => written.Add(b), CancellationToken.None);

        // At a day per real second, the first day's files are due one (fake) second in.
        written.ShouldBeEmpty();
        time.Advance(TimeSpan.FromSeconds(1));
        await WhenAsync(() => written.Count == batches.Count(b => b.End <= timeline.Settings.WindowStart.AddDays(1)));
        time.Advance(TimeSpan.FromSeconds(1));
        var summary = await run;

        written.Count.ShouldBe(batches.Count);
        summary.Files.Values.Sum().ShouldBe(batches.Count);
    }

    [Fact]
    public void When_batched_by_hour_should_write_consents_before_the_release_list_of_the_same_hour()
    {
        var batches = Batching.Split(Timelines.Generate(days: 28), TimeSpan.FromHours(1));

        foreach (var hour in batches.GroupBy(b => b.Start))
        {
            hour.Select(b => b.Kind).ShouldBeInOrder(SortDirection.Ascending);
        }

        batches.Select(b => b.Start).ShouldBeInOrder(SortDirection.Ascending);
        batches.ShouldContain(b => b.Kind == DropFileKind.Consents);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static async Task WhenAsync(Func<bool> condition) =>
        await Eventually.UntilAsync(() => Task.FromResult(condition()), done => done, "the due batches to be written");
}
