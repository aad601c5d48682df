namespace Hub.LoadHarness.Chaos;

/// <summary>
/// Samples a progress counter (ledger decisions plus sink documents, or one recipient's sink documents) twice a second
/// while a scenario runs, to tell when progress resumed after the fault.
/// </summary>
public sealed class ProgressWatch : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    // Progress counts as stalled after this long without growth (two samples): shorter gaps are sampling noise.
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(1);

    private readonly List<(DateTimeOffset At, long Count)> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public ProgressWatch(Func<CancellationToken, Task<long>> counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        _sampling = SampleAsync(counter, _stop.Token);
    }

    /// <summary>
    /// From <paramref name="fault"/> to the first growth after the last stall (a second or more without growth, or
    /// without a sample) that began between the fault and <paramref name="repaired"/>; zero when progress never
    /// stalled. The stall at the end (the burst finished) does not count: a run that never resumed times out instead.
    /// </summary>
    public TimeSpan RecoveryAfter(DateTimeOffset fault, DateTimeOffset repaired)
    {
        List<(DateTimeOffset At, long Count)> samples;
        lock (_samples)
        {
            // From the last sample before the fault: a stall (or a gap) can begin with the fault itself.
            samples = [.. _samples.SkipWhile((s, i) => i + 1 < _samples.Count && _samples[i + 1].At <= fault)];
        }

        var recovery = TimeSpan.Zero;
        for (var i = 0; i < samples.Count; i++)
        {
            // The stall begins at sample i and lasts while the count stays at its value.
            var j = i;
            while (j + 1 < samples.Count && samples[j + 1].Count == samples[i].Count)
            {
                j++;
            }

            // A gap with no sample (the ledger's server was down) is a stall too.
            var gap = j + 1 < samples.Count && samples[j + 1].At - samples[j].At >= Stall + Every;
            if (j + 1 < samples.Count && (samples[j].At - samples[i].At >= Stall || gap) && samples[i].At <= repaired && samples[j + 1].At > fault)
            {
                recovery = samples[j + 1].At - fault;
            }

            i = j;
        }

        return recovery;
    }

    private async Task SampleAsync(Func<CancellationToken, Task<long>> counter, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            do
            {
                try
                {
                    var count = await counter(cancellationToken);
                    lock (_samples)
                    {
                        _samples.Add((TimeProvider.System.GetUtcNow(), count));
                    }
                }
                catch (Exception ex) when (ex is Npgsql.NpgsqlException or IOException or TimeoutException)
                {
                    // The ledger's server is down (a Postgres scenario): no sample, a gap the stall spans.
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
