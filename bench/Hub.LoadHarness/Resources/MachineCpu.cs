using System.Globalization;

namespace Hub.LoadHarness.Resources;

/// <summary>The whole machine's CPU time from <c>/proc/stat</c>: busy and idle core-seconds since boot.</summary>
public sealed record MachineCpu(double BusySeconds, double IdleSeconds)
{
    public static MachineCpu Read()
    {
        if (!File.Exists("/proc/stat"))
        {
            return new MachineCpu(double.NaN, double.NaN);
        }

        // cpu user nice system idle iowait irq softirq steal (guest time is already inside user).
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..9]
            .Select(t => double.Parse(t, CultureInfo.InvariantCulture) / 100).ToArray();
        return new MachineCpu(ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7], ticks[3] + ticks[4]);
    }
}
