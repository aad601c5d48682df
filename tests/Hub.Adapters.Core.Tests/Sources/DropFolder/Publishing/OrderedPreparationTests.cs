using Hub.Adapters.Core.Sources.DropFolder.Publishing;
using Hub.Adapters.Core.Tests.Sources.Support;

namespace Hub.Adapters.Core.Tests.Sources.DropFolder.Publishing;

public sealed class OrderedPreparationTests
{
    [Fact]
    public async Task When_preparations_take_random_times_should_hand_results_back_in_the_order_added_with_no_more_running_than_asked()
    {
        var work = new RandomWork(200);
        var running = 0;
        var mostRunning = 0;
        var taken = new List<int>();
        await using (var preparation = new OrderedPreparation<int, int>(
            n =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref mostRunning, now);
                work.For(n);
                Interlocked.Decrement(ref running);
                return n * 10;
            },
            parallelism: 4,
            ahead: 16,
            CancellationToken.None))
        {
            for (var n = 0; n < 200; n++)
            {
                if (preparation.IsFull)
                {
                    taken.Add(await preparation.NextAsync());
                }

                preparation.Add(n);
            }

            while (preparation.Count > 0)
            {
                taken.Add(await preparation.NextAsync());
            }
        }

        taken.ShouldBe([.. Enumerable.Range(0, 200).Select(n => n * 10)]);
        mostRunning.ShouldBeLessThanOrEqualTo(4);
    }

    [Fact]
    public async Task When_the_parallelism_is_one_should_prepare_each_item_on_the_callers_thread_only_when_it_is_taken()
    {
        var prepared = new List<(int Item, int Thread)>();
        await using var preparation = new OrderedPreparation<int, int>(n =>
        {
            prepared.Add((n, Environment.CurrentManagedThreadId));
            return n;
        }, parallelism: 1, ahead: 64, CancellationToken.None);

        preparation.Add(1);
        preparation.IsFull.ShouldBeTrue("nothing runs ahead: one item at a time");
        prepared.ShouldBeEmpty("nothing is prepared before it is taken");
        var thread = Environment.CurrentManagedThreadId;
        var result = preparation.NextAsync();

        result.IsCompletedSuccessfully.ShouldBeTrue();
        (await result).ShouldBe(1);
        prepared.ShouldBe([(1, thread)]);
    }

    [Fact]
    public async Task When_a_preparation_throws_should_hand_back_the_earlier_results_and_rethrow_at_its_turn()
    {
        await using var preparation = new OrderedPreparation<int, int>(
            n => n == 2 ? throw new InvalidOperationException("row 2") : n,
            parallelism: 2,
            ahead: 4,
            CancellationToken.None);
        foreach (var n in new[] { 1, 2, 3 })
        {
            preparation.Add(n);
        }

        (await preparation.NextAsync()).ShouldBe(1);
        (await Should.ThrowAsync<InvalidOperationException>(async () => await preparation.NextAsync())).Message.ShouldBe("row 2");
        (await preparation.NextAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task When_cancelled_should_not_start_the_items_still_waiting_and_cancel_their_results()
    {
        using var cancel = new CancellationTokenSource();
        using var first = new ManualResetEventSlim();
        var started = new List<int>();
        var preparation = new OrderedPreparation<int, int>(
            n =>
            {
                lock (started)
                {
                    started.Add(n);
                }

                first.Wait(TimeSpan.FromSeconds(30));
                return n;
            },
            parallelism: 2,
            ahead: 8,
            cancel.Token);
        foreach (var n in Enumerable.Range(1, 8))
        {
            preparation.Add(n);
        }

        await cancel.CancelAsync();
        first.Set();
        var outcomes = new List<bool>();
        while (preparation.Count > 0)
        {
            try
            {
                await preparation.NextAsync();
                outcomes.Add(true);
            }
            catch (OperationCanceledException)
            {
                outcomes.Add(false);
            }
        }

        await preparation.DisposeAsync();
        outcomes.Count(done => done).ShouldBe(started.Count, "an item started before the cancel finishes; none starts after it");
        started.Count.ShouldBeLessThanOrEqualTo(2, "only the items the two workers held when the cancel came");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
            // Another thread raised it first: compare again.
        }
    }
}
