using System.Collections.Concurrent;
using Hub.ServiceDefaults.Grouping;

namespace Hub.Adapters.Core.Tests.Delivery.Batching;

public sealed class EffectGroupCommitterTests
{
    /// <summary>A commit that records each group and, while <see cref="Block"/> is set, waits until released.</summary>
    private sealed class GatedCommits
    {
        public ConcurrentQueue<int[]> Groups { get; } = new();

        public TaskCompletionSource Entered { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Func<int[], bool> Fails { get; set; } = _ => false;

        public async Task CommitAsync(IReadOnlyList<int> group, CancellationToken cancellationToken)
        {
            // Taken before signalling: the test may swap in the next group's gates as soon as it sees Entered.
            var release = Release;
            Entered.TrySetResult();
            await release.Task;
            if (Fails([.. group]))
            {
                throw new IOException("the store refused the group");
            }

            Groups.Enqueue([.. group]);
        }
    }

    [Fact]
    public async Task When_items_arrive_during_a_commit_should_commit_them_together_as_the_next_group_and_complete_each_only_after_its_group()
    {
        var commits = new GatedCommits();
        using var committer = new EffectGroupCommitter<int>(commits.CommitAsync);

        var first = committer.CommitAsync(1, CancellationToken.None);
        await commits.Entered.Task;
        var later = new[] { 2, 3, 4 }.Select(i => committer.CommitAsync(i, CancellationToken.None)).ToList();
        first.IsCompleted.ShouldBeFalse("its group has not committed yet");
        var releaseFirst = commits.Release;
        (commits.Entered, commits.Release) = (new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously));
        releaseFirst.SetResult();
        await first;
        await commits.Entered.Task;
        later.ShouldAllBe(t => !t.IsCompleted, "the second group is still committing");
        commits.Release.SetResult();
        await Task.WhenAll(later);

        commits.Groups.ShouldBe([[1], [2, 3, 4]]);
    }

    [Fact]
    public async Task When_a_group_fails_should_retry_its_items_one_by_one_so_only_the_bad_one_fails()
    {
        var commits = new GatedCommits { Fails = group => group.Contains(3) };
        using var committer = new EffectGroupCommitter<int>(commits.CommitAsync);
        var first = committer.CommitAsync(1, CancellationToken.None);
        await commits.Entered.Task;
        var later = new[] { 2, 3, 4 }.ToDictionary(i => i, i => committer.CommitAsync(i, CancellationToken.None));

        commits.Release.SetResult();
        await first;

        await later[2];
        await later[4];
        (await Should.ThrowAsync<IOException>(() => later[3])).Message.ShouldBe("the store refused the group");
        commits.Groups.ShouldBe([[1], [2], [4]]);
    }

    [Fact]
    public async Task When_disposed_should_commit_what_is_queued_and_refuse_more()
    {
        var commits = new GatedCommits();
        commits.Release.SetResult();
        var committer = new EffectGroupCommitter<int>(commits.CommitAsync);
        var queued = committer.CommitAsync(1, CancellationToken.None);

        committer.Dispose();

        await queued;
        Should.Throw<ObjectDisposedException>(() => committer.CommitAsync(2, CancellationToken.None));
    }
}
