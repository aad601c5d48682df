using Hub.LoadHarness.Processes;
using Hub.LoadHarness.Servers;

namespace Hub.LoadHarness.Chaos;

/// <summary>
/// Waits for the scenario's moment, injects its fault and repairs it, recording when the fault hit and when the repair
/// (restart, promotion, rolling restart, SIGCONT) had finished.
/// </summary>
public sealed class FaultInjector(ChaosScenario scenario, RunningHub stack, ServerEnvironment servers, string logPath, Random random)
{
    public DateTimeOffset? InjectedAt { get; private set; }

    public DateTimeOffset? RepairedAt { get; private set; }

    /// <summary>What was hit (which node, which router), for the report.</summary>
    public string? Detail { get; private set; }

    public async Task RunAsync(Func<CancellationToken, Task> moment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moment);
        await moment(cancellationToken);
        Progress.Write($"{scenario.Name}: injecting the fault ({scenario.Fault})");
        void Injected() => InjectedAt = TimeProvider.System.GetUtcNow();
        Detail = scenario.Name switch
        {
            "broker-node-kill" => await BrokerFaults.KillLeaderAsync(servers, logPath, Injected, cancellationToken),
            "broker-restart" => await BrokerFaults.RestartAsync(servers, logPath, Injected, cancellationToken),
            "network-pause" => await BrokerFaults.PauseAsync(servers, logPath, Injected, cancellationToken),
            "router-kill" => await ProcessFaults.KillRouterThenRollAsync(stack, servers, random, Injected, cancellationToken),
            "recipient-kill" => await ProcessFaults.KillRecipientAsync(stack, servers, Injected, cancellationToken),
            "postgres-failover" => await PostgresFaults.FailOverAsync(servers, logPath, Injected, cancellationToken),
            "postgres-restart" => await PostgresFaults.CrashRestartAsync(servers, logPath, Injected, cancellationToken),
            _ => throw new InvalidOperationException($"No fault for scenario {scenario.Name}."),
        };
        RepairedAt = TimeProvider.System.GetUtcNow();
        Progress.Write($"{scenario.Name}: repaired ({Detail}) {(RepairedAt - InjectedAt)?.TotalSeconds:0.0} s after the fault");
    }
}
