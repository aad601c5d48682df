using System.Globalization;

namespace Hub.LoadHarness.Resources;

/// <summary>
/// What Linux's <c>/proc</c> says about one process: CPU seconds (user + system, its own and its reaped children's)
/// and resident memory. Null when the process is gone or <c>/proc</c> does not exist.
/// </summary>
public static class ProcStat
{
    /// <summary>USER_HZ: /proc counts CPU time in these ticks, 100 a second on every architecture Linux runs .NET on.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>utime + stime (+ cutime + cstime: children it has waited for, e.g. Postgres backends that exited).</summary>
    public static double? CpuSeconds(int pid, bool withReapedChildren = true)
    {
        if (Read($"/proc/{pid}/stat") is not { } stat)
        {
            return null;
        }

        // Fields after the command name, which is in parentheses and may hold blanks: state is field 3, utime 14.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        double Field(int number) => double.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        var ticks = Field(14) + Field(15) + (withReapedChildren ? Field(16) + Field(17) : 0);
        return ticks / TicksPerSecond;
    }

    /// <summary>The parent process id, or null when the process is gone.</summary>
    public static int? ParentOf(int pid) =>
        Read($"/proc/{pid}/stat") is { } stat ? int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture) : null;

    /// <summary>A <c>/proc/PID/status</c> size in bytes, e.g. <c>VmRSS</c> (now) or <c>VmHWM</c> (peak so far).</summary>
    public static long? StatusBytes(int pid, string field)
    {
        if (Read($"/proc/{pid}/status") is not { } status)
        {
            return null;
        }

        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kilobytes = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return null;
    }

    /// <summary>The command line's arguments, or empty when the process is gone.</summary>
    public static IReadOnlyList<string> CommandLine(int pid) =>
        Read($"/proc/{pid}/cmdline") is { Length: > 0 } line ? line.TrimEnd('\0').Split('\0') : [];

    /// <summary>Every process id now in /proc.</summary>
    public static IEnumerable<int> All() =>
        Directory.Exists("/proc")
            ? Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n is { Length: > 0 } && n.All(char.IsAsciiDigit)).Select(n => int.Parse(n!, CultureInfo.InvariantCulture))
            : [];

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
