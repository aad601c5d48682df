namespace Hub.IntegrationTests.Infrastructure;

/// <summary>Polls until a condition holds. A generous ceiling, never a timing assertion: shared machines are slow.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = TimeProvider.System.GetUtcNow() + (within ?? TimeSpan.FromSeconds(30));
        var value = await probe();
        while (!done(value) && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(100);
            value = await probe();
        }

        return value;
    }
}
