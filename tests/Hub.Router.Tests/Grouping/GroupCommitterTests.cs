using Hub.ServiceDefaults.Grouping;

namespace Hub.Router.Tests.Grouping;

public sealed class GroupCommitterTests
{
    [Fact]
    public async Task When_requests_arrive_while_a_group_runs_should_run_them_together_in_the_next_group()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var groups = new List<int[]>();
        await using var committer = new GroupCommitter<int, int>(
            async (items, _) =>
            {
                lock (groups)
                {
                    groups.Add([.. items]);
                }

                if (items[0] == 0)
                {
                    await release.Task;
                }

                return [.. items.Select(i => i * 10)];
            },
            maxGroup: 100,
            isolate: _ => false);

        var first = committer.SubmitAsync(0, CancellationToken.None);
        await WaitUntilAsync(() => groups.Count == 1);
        var rest = Enumerable.Range(1, 5).Select(i => committer.SubmitAsync(i, CancellationToken.None)).ToList();
        release.SetResult();

        (await first).ShouldBe(0);
        (await Task.WhenAll(rest)).ShouldBe([10, 20, 30, 40, 50]);
        groups.Select(g => g.Length).ShouldBe([1, 5]);
        committer.Requests.ShouldBe(6);
        committer.Groups.ShouldBe(2);
    }

    [Fact]
    public async Task When_a_group_fails_for_one_request_should_fail_that_request_alone()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        await using var committer = new GroupCommitter<int, int>(
            async (items, _) =>
            {
                if (Interlocked.Increment(ref started) == 1)
                {
                    await release.Task;
                }

                return items.Contains(3) ? throw new PoisonException() : [.. items];
            },
            maxGroup: 100,
            isolate: ex => ex is PoisonException);

        var blocker = committer.SubmitAsync(0, CancellationToken.None);
        await WaitUntilAsync(() => Volatile.Read(ref started) == 1);
        var group = Enumerable.Range(1, 5).Select(i => committer.SubmitAsync(i, CancellationToken.None)).ToList();
        release.SetResult();
        await blocker;

        await Should.ThrowAsync<PoisonException>(() => group[2]);
        (await Task.WhenAll(group.Where((_, i) => i != 2))).ShouldBe([1, 2, 4, 5]);
    }

    [Fact]
    public async Task When_a_group_fails_for_the_store_should_fail_every_request_without_running_them_alone()
    {
        var runs = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var committer = new GroupCommitter<int, int>(
            async (items, _) =>
            {
                if (Interlocked.Increment(ref runs) == 1)
                {
                    await release.Task;
                    return [.. items];
                }

                throw new TimeoutException("store unreachable");
            },
            maxGroup: 100,
            isolate: ex => ex is not TimeoutException);

        var blocker = committer.SubmitAsync(0, CancellationToken.None);
        await WaitUntilAsync(() => Volatile.Read(ref runs) == 1);
        var group = Enumerable.Range(1, 3).Select(i => committer.SubmitAsync(i, CancellationToken.None)).ToList();
        release.SetResult();
        await blocker;

        foreach (var request in group)
        {
            await Should.ThrowAsync<TimeoutException>(() => request);
        }

        runs.ShouldBe(2);
    }

    [Fact]
    public async Task When_more_requests_wait_than_the_limit_should_form_groups_no_larger_than_it()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sizes = new List<int>();
        await using var committer = new GroupCommitter<int, int>(
            async (items, _) =>
            {
                lock (sizes)
                {
                    sizes.Add(items.Count);
                }

                await release.Task;
                return [.. items];
            },
            maxGroup: 4,
            isolate: _ => false);

        var first = committer.SubmitAsync(0, CancellationToken.None);
        await WaitUntilAsync(() => sizes.Count == 1);
        var rest = Enumerable.Range(1, 10).Select(i => committer.SubmitAsync(i, CancellationToken.None)).ToList();
        release.SetResult();
        await first;
        await Task.WhenAll(rest);

        sizes.ShouldBe([1, 4, 4, 2]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        condition().ShouldBeTrue();
    }

    private sealed class PoisonException : Exception;
}
