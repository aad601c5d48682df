using System.Globalization;
using Hub.LoadHarness.Resources;

namespace Hub.LoadHarness.Servers;

/// <summary>
/// The RabbitMQ node's Erlang VM (<c>beam.smp</c>), from the pid file scripts/servers/rabbitmq.sh names
/// (<c>AGENCYHUB_TEST_RABBITMQ_PID_FILE</c>; a restart rewrites it); null when there is none on this machine.
/// </summary>
public sealed class BrokerProcess(string? pidFile)
{
    public int? Find()
    {
        try
        {
            return pidFile is not null && File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ProcStat.CommandLine(pid) is [var program, ..] && program.EndsWith("beam.smp", StringComparison.Ordinal)
                ? pid
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>How the VM's schedulers wait: "none" when started with +sbwt none and the dirty schedulers' likewise.</summary>
    public string SchedulerBusyWait()
    {
        if (Find() is not { } pid)
        {
            return "unknown (the broker's process is not on this machine)";
        }

        // erl passes +flags to beam.smp as -flags; the last one given wins.
        var arguments = ProcStat.CommandLine(pid);
        string? Flag(string name) => arguments.Zip(arguments.Skip(1)).Where(a => a.First == "-" + name || a.First == "+" + name).Select(a => a.Second).LastOrDefault();
        var (sbwt, cpu, io) = (Flag("sbwt"), Flag("sbwtdcpu"), Flag("sbwtdio"));
        return sbwt == "none" && cpu == "none" && io == "none"
            ? "none (+sbwt none +sbwtdcpu none +sbwtdio none)"
            : $"busy-wait on (+sbwt {sbwt ?? "default"}, +sbwtdcpu {cpu ?? "default"}, +sbwtdio {io ?? "default"})";
    }
}
