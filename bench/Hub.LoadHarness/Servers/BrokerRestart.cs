using System.Diagnostics;

namespace Hub.LoadHarness.Servers;

/// <summary>
/// <c>--broker-restart-at</c>: kills the RabbitMQ node with SIGKILL and starts it again (same ports, data and users),
/// through the restart command scripts/servers/rabbitmq.sh exports, with <c>AGENCYHUB_RABBITMQ_FAST_STOP=1</c> so
/// its stop is a kill -9 of the VM rather than a clean shutdown.
/// </summary>
public static class BrokerRestart
{
    public static async Task<BrokerRestartResult> AfterAsync(TimeSpan delay, string command, string logPath, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        var began = Stopwatch.GetTimestamp();
        await NowAsync(command, logPath, cancellationToken);
        return new BrokerRestartResult(delay.TotalSeconds, Stopwatch.GetElapsedTime(began).TotalSeconds);
    }

    /// <summary>kill -9 of the node and a start of it again, now.</summary>
    public static Task NowAsync(string command, string logPath, CancellationToken cancellationToken) =>
        ServerCommand.RunAsync(command, [], new Dictionary<string, string> { ["AGENCYHUB_RABBITMQ_FAST_STOP"] = "1" }, logPath, cancellationToken);
}
