namespace Hub.LoadHarness.Resources;

/// <summary>
/// One process (or process family) whose CPU the run accounts for. <see cref="Resolve"/> finds its pids afresh at each
/// snapshot, so a restarted broker is found again; <see cref="WithChildren"/> adds its live children (Postgres backends).
/// </summary>
public sealed record WatchedProcess(string Name, Func<int?> Resolve, bool WithChildren = false)
{
    /// <summary>CPU seconds so far and the main pid, or null when the process cannot be found.</summary>
    public (int Pid, double Seconds)? Read()
    {
        if (Resolve() is not { } pid || ProcStat.CpuSeconds(pid) is not { } own)
        {
            return null;
        }

        if (!WithChildren)
        {
            return (pid, own);
        }

        var children = ProcStat.All().Where(p => p != pid && ProcStat.ParentOf(p) == pid).Sum(p => ProcStat.CpuSeconds(p) ?? 0);
        return (pid, own + children);
    }
}
