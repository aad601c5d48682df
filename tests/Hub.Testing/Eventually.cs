namespace Hub.Testing;

/// <summary>
/// Polls until a condition holds, with a generous ceiling instead of any timing assertion (shared machines are
/// slow), and fails naming what it waited for.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? Patience);
        var last = await probe();
        while (!done(last))
        {
            if (deadline.IsCancellationRequested)
            {
                throw new ShouldAssertException($"Timed out after {(timeout ?? Patience).TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(20, CancellationToken.None);
            last = await probe();
        }

        return last;
    }

    public static Task<T> UntilAsync<T>(Func<T> probe, Func<T, bool> done, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(probe()), done, what, timeout);
}
