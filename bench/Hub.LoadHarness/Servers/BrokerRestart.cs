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
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["AGENCYHUB_RABBITMQ_FAST_STOP"] = "1";
        var began = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run the broker restart command.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await File.WriteAllTextAsync(logPath, await output + await errors, cancellationToken);
        return process.ExitCode == 0
            ? new BrokerRestartResult(delay.TotalSeconds, Stopwatch.GetElapsedTime(began).TotalSeconds)
            : throw new InvalidOperationException($"The broker restart command failed (exit {process.ExitCode}); see {logPath}.");
    }
}
