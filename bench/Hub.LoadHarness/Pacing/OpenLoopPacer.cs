using System.Diagnostics;

namespace Hub.LoadHarness.Pacing;

/// <summary>
/// Offers items at a fixed rate whatever the system under test does (open loop): item i is due i / rate seconds after
/// the start, late items go at once to catch up, and a send never waits for the previous one's answer, only for room in
/// a bounded window of sends in flight. Returns the rate actually offered, which falls short only when the window fills.
/// </summary>
public static class OpenLoopPacer
{
    public static async Task<double> OfferAsync(int count, double rate, int window, Func<int, Task> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        using var room = new SemaphoreSlim(window);
        var sends = new List<Task>(count);
        var started = Stopwatch.GetTimestamp();
        var lastOffered = started;
        for (var i = 0; i < count; i++)
        {
            var wait = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            await room.WaitAsync(cancellationToken);
            lastOffered = Stopwatch.GetTimestamp();
            sends.Add(SendAsync(i));
        }

        await Task.WhenAll(sends);
        var seconds = Stopwatch.GetElapsedTime(started, lastOffered).TotalSeconds;
        return count > 1 && seconds > 0 ? (count - 1) / seconds : rate;

        async Task SendAsync(int item)
        {
            try
            {
                await send(item);
            }
            finally
            {
                room.Release();
            }
        }
    }
}
